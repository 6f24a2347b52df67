-- GET one asset by a random id among the generated ones.
local token = os.getenv("ISMS_TOKEN")
local max_id = tonumber(os.getenv("ISMS_MAX_ID") or "10000")
math.randomseed(42)
request = function()
  local id = math.random(1, max_id)
  return wrk.format("GET", "/api/v1/assets/" .. id, {["Authorization"] = "Bearer " .. token})
end
