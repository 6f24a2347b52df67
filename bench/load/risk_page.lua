-- GET a 50-row page of risks filtered by residual level, at a random offset.
local token = os.getenv("ISMS_TOKEN")
math.randomseed(11)
local levels = {"low", "medium", "high", "critical"}
request = function()
  local path = "/api/v1/risks?residual_level=" .. levels[math.random(1, 4)]
    .. "&limit=50&offset=" .. (math.random(0, 20) * 50)
  return wrk.format("GET", path, {["Authorization"] = "Bearer " .. token})
end
