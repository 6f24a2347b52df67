-- GET a 50-row page filtered by kind and sorted by name (no index on name: a sort per request).
local token = os.getenv("ISMS_TOKEN")
math.randomseed(11)
local kinds = {"primary", "supporting"}
request = function()
  local path = "/api/v1/assets?kind=" .. kinds[math.random(1, 2)] .. "&sort=name&limit=50&offset="
    .. (math.random(0, 40) * 50)
  return wrk.format("GET", path, {["Authorization"] = "Bearer " .. token})
end
