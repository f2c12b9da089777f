-- wrk script for bench/two-nodes: a mixed load on both nodes through nginx, as the uni-app client sends it.
-- Each thread cycles: a registration (appminiuserinfo, new openid), a returning login (an openid it registered
-- 50 registrations earlier), tokenuserinfo with the token that login got, and a WeChat code exchange
-- (appminiuserauth on the development gateway: session key and budgets in Redis).
-- Every answer must have code 0. Every openid a successful answer named is written to
-- $BENCH_ACK_DIR/ack-<thread>.txt, so the script can check that each of them is in sxo_user exactly once.
local RUN = os.getenv("BENCH_RUN") or "0"
local ACK_DIR = os.getenv("BENCH_ACK_DIR") or "/tmp"
local threads = {}
local thread_id = 0

function setup(thread)
  thread:set("tid", thread_id)
  thread_id = thread_id + 1
  table.insert(threads, thread)
end

function init(args)
  n, registered, returned, errors, token = 0, 0, 0, 0, nil
  ack = io.open(string.format("%s/ack-%d.txt", ACK_DIR, tid), "w")
  ack:setvbuf("line")
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

local function openid(index)
  return string.format("oTwo%s%02d%07d", RUN, tid, index)
end

local function login(id)
  local body = '{"openid":"' .. id .. '","auth_data":"{\\"nickName\\":\\"two-nodes\\",\\"gender\\":1}"}'
  return wrk.format("POST", "/api.php?s=user/appminiuserinfo&application=app&application_client_type=weixin&referrer=0", nil, body)
end

function request()
  n = n + 1
  local step = n % 4
  if step == 1 and returned < registered - 50 then
    returned = returned + 1
    return login(openid(returned - 1))
  elseif step == 2 and token ~= nil then
    return wrk.format("GET", "/api.php?s=user/tokenuserinfo&token=" .. token, {}, nil)
  elseif step == 3 then
    local code = string.format("two-%s-%d-%d", RUN, tid, n % 64)
    return wrk.format("POST", "/api.php?s=user/appminiuserauth&application=app&application_client_type=weixin",
      nil, '{"authcode":"' .. code .. '"}')
  end
  registered = registered + 1
  return login(openid(registered - 1))
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"code":0,', 1, true) then
    errors = errors + 1
    if errors <= 3 then
      io.stderr:write("unexpected answer (HTTP " .. status .. "): " .. string.sub(body, 1, 200) .. "\n")
    end
    return
  end
  local id = string.match(body, '"weixin_openid":"(oTwo[^"]*)"')
  if id ~= nil then
    ack:write(id, "\n")
    if not string.find(body, '"upd_time":"0"', 1, true) then
      token = string.match(body, '"token":"(%x+)"')
    end
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("errors")
  end
  local transport = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout + summary.errors.status
  io.write(string.format("requests %d, non-zero codes %d, transport errors %d, p50 %.1f ms, p99 %.1f ms, %.0f req/s\n",
    summary.requests, failed, transport, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6)))
end
