-- wrk script: the uni-app client resuming a session with user/tokenuserinfo, round-robin over the
-- tokens in the file BENCH_TOKENS (one a line, written by appminiuserinfo.lua in register mode).
dofile("bench/report.lua")
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

function response(status, headers, body)
  report_unexpected(body, '"code":0,')
end
