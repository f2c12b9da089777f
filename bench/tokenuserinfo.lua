-- wrk script: the uni-app client resuming a session with user/tokenuserinfo, round-robin over the
-- tokens in the file BENCH_TOKENS (one a line, written by appminiuserinfo.lua in register mode).
local list = {}
local counter = 0

function init(args)
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    list[#list + 1] = line
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

function request()
  counter = counter + 1
  local token = list[(counter % #list) + 1]
  return wrk.format(nil, "/api.php?s=user/tokenuserinfo&application=app&application_client_type=weixin", nil, "token=" .. token)
end

local reported = false
function response(status, headers, body)
  if not reported and not string.find(body, '"code":0,', 1, true) then
    reported = true
    io.stderr:write("unexpected answer: " .. string.sub(body, 1, 200) .. "\n")
  end
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, errors %d, p50 %.1f ms, p99 %.1f ms, %.0f req/s, p99.9 %.1f ms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6),
    latency:percentile(99.9) / 1000))
end
