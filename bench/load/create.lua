-- POST a new asset: a durable, validated, ledger-backed write.
local token = os.getenv("ISMS_TOKEN")
local counter = 0
request = function()
  counter = counter + 1
  local body = '{"name":"Load asset ' .. counter .. '","kind":"supporting","category":"hardware","confidentiality":3}'
  return wrk.format("POST", "/api/v1/assets",
    {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end
