-- wrk script: ShopXO's uni-app client logging in through user/appminiuserinfo.
-- Each connection cycles through OPENIDS openids of its own, so the first round registers
-- users and later rounds log returning users in.
local OPENIDS = tonumber(os.getenv("BENCH_OPENIDS_PER_CONNECTION") or "50")
local counter = 0
local thread_id = 0

function setup(thread)
  thread:set("thread_id", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local openid = string.format("oBench%02d%06d", thread_id, counter % OPENIDS)
  local body = '{"openid":"' .. openid .. '","auth_data":"{\\"nickName\\":\\"bench\\",\\"gender\\":1,\\"avatarUrl\\":\\"https://thirdwx.qlogo.cn/x/132\\"}"}'
  return wrk.format(nil, "/api.php?s=user/appminiuserinfo&application=app&application_client_type=weixin&referrer=0", nil, body)
end

-- Any answer that is not a successful login is reported (once per thread): the run is then worthless.
local reported = false
function response(status, headers, body)
  if not reported and not string.find(body, '"code":0,"data":{"id":', 1, true) then
    reported = true
    io.stderr:write("unexpected answer: " .. string.sub(body, 1, 200) .. "\n")
  end
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, errors %d, p50 %.1f ms, p99 %.1f ms, %.0f req/s\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
