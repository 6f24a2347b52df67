-- GET the risk heat map: every live risk counted per cell for the three stages.
local token = os.getenv("ISMS_TOKEN")
request = function()
  return wrk.format("GET", "/api/v1/risks/heatmap", {["Authorization"] = "Bearer " .. token})
end
