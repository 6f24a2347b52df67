-- GET the coverage of ISO/IEC 27001:2022 through the generated framework's mapping (wrk script).
local token = os.getenv("ISMS_TOKEN")
local framework = os.getenv("ISMS_FRAMEWORK") or "urn:bench:framework:bench-1"
request = function()
  local path = "/api/v1/mappings/coverage?from=" .. framework .. "&to=urn:isms:framework:iso27001-2022"
  return wrk.format("GET", path, {["Authorization"] = "Bearer " .. token})
end
