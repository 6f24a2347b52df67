-- GET the path in ISMS_PATH; "{id}" in it becomes a random id from ISMS_MIN_ID to ISMS_MAX_ID.
local token = os.getenv("ISMS_TOKEN")
local path = os.getenv("ISMS_PATH")
local min_id = tonumber(os.getenv("ISMS_MIN_ID") or "1")
local max_id = tonumber(os.getenv("ISMS_MAX_ID") or "1")
math.randomseed(11)
request = function()
  local target = path:gsub("{id}", tostring(math.random(min_id, max_id)))
  return wrk.format("GET", target, {["Authorization"] = "Bearer " .. token})
end
