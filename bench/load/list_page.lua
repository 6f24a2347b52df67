-- GET a 50-row page of assets filtered by kind (default order), at a random offset.
local token = os.getenv("ISMS_TOKEN")
math.randomseed(7)
local kinds = {"primary", "supporting"}
request = function()
  local path = "/api/v1/assets?kind=" .. kinds[math.random(1, 2)] .. "&limit=50&offset="
    .. (math.random(0, 40) * 50)
  return wrk.format("GET", path, {["Authorization"] = "Bearer " .. token})
end
