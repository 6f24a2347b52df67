-- GET the live Statement of Applicability: 93 Annex A controls derived from every treatment
-- action, risk and applied control of the organization.
local token = os.getenv("ISMS_TOKEN")
request = function()
  return wrk.format("GET", "/api/v1/soa", {["Authorization"] = "Bearer " .. token})
end
