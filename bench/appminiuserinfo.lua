-- wrk script: ShopXO's uni-app client logging in through user/appminiuserinfo.
-- BENCH_MODE picks the traffic (default mixed):
--   mixed     each thread cycles through BENCH_OPENIDS_PER_CONNECTION openids of its own, so the first
--             round registers users and later rounds log returning users in (the original benchmark);
--   register  each thread registers BENCH_USERS openids once (prefix BENCH_PREFIX), appends a line
--             to the file BENCH_DONE and stops; with BENCH_TOKENS set, every answer's token is
--             appended to that file;
--   returning each thread logs its BENCH_USERS registered openids in again, round and round;
--   new       every request registers a new openid (BENCH_PREFIX makes them unique per run).
dofile("bench/report.lua")

local MODE = os.getenv("BENCH_MODE") or "mixed"
local OPENIDS = tonumber(os.getenv("BENCH_OPENIDS_PER_CONNECTION") or "50")
local USERS = tonumber(os.getenv("BENCH_USERS") or "500")
local PREFIX = os.getenv("BENCH_PREFIX") or "oBench"
local TOKENS = os.getenv("BENCH_TOKENS")
local counter = 0
local registered = 0
local tokens = nil

-- A global, not a local: thread:set writes the thread's globals (a local here would hide it, and
-- every thread would use the same openids).
thread_id = 0
local threads = 0

function setup(thread)
  thread:set("thread_id", threads)
  threads = threads + 1
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  if TOKENS then
    tokens = io.open(TOKENS, "a")
  end
end

local function openid()
  if MODE == "mixed" then
    return string.format("oBench%02d%06d", thread_id, counter % OPENIDS)
  elseif MODE == "new" then
    return string.format("%sn%02d%07d", PREFIX, thread_id, counter)
  elseif MODE == "register" then
    -- never one openid twice: a second login would make the first answer's token stale
    return string.format("%s%02d%06d", PREFIX, thread_id, counter)
  else
    return string.format("%s%02d%06d", PREFIX, thread_id, counter % USERS)
  end
end

function request()
  -- wrk may ask a thread for one request it never sends, before the first: hence one more than USERS
  if MODE == "register" and counter > USERS then
    -- every user registered; until the thread stops, ask what costs nothing and changes nothing
    return wrk.format("GET", "/api.php?s=bench/none")
  end
  local body = '{"openid":"' .. openid() .. '","auth_data":"{\\"nickName\\":\\"bench\\",\\"gender\\":1,\\"avatarUrl\\":\\"https://thirdwx.qlogo.cn/x/132\\"}"}'
  counter = counter + 1
  return wrk.format(nil, "/api.php?s=user/appminiuserinfo&application=app&application_client_type=weixin&referrer=0", nil, body)
end

-- Any answer that is not a successful login is reported (once per thread): the run is then worthless.
function response(status, headers, body)
  if MODE == "register" then
    if string.find(body, '"code":-1000', 1, true) then
      return
    end
    registered = registered + 1
    if registered == USERS then
      -- wrk waits out its duration anyway: BENCH_DONE tells bench/run that this thread is through
      local flag = io.open(os.getenv("BENCH_DONE"), "a")
      flag:write("done\n")
      flag:close()
      wrk.thread:stop()
    end
  end
  report_unexpected(body, '"code":0,"data":{"id":')
  if tokens then
    local token = string.match(body, '"token":"(%x+)"')
    if token then
      tokens:write(token, "\n")
      tokens:flush()
    end
  end
end
