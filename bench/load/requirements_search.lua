-- GET a page of requirements of the generated framework matching a word (wrk script).
local token = os.getenv("ISMS_TOKEN")
local framework = os.getenv("ISMS_FRAMEWORK") or "urn:bench:framework:bench-1"
local words = {"payroll", "customer", "billing", "backup", "identity", "portal"}
request = function()
  local path = "/api/v1/frameworks/" .. framework .. "/requirements?q=" .. words[math.random(#words)] .. "&limit=50"
  return wrk.format("GET", path, {["Authorization"] = "Bearer " .. token})
end
