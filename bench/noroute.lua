-- wrk script: the service's own cost without a database: an unknown route answers -1000 from the
-- dispatcher (the health route would ask the database).
function init(args)
  wrk.method = "GET"
end

function request()
  return wrk.format(nil, "/api.php?s=bench/none&application=app&application_client_type=weixin")
end

local reported = false
function response(status, headers, body)
  if not reported and not string.find(body, '"code":-1000', 1, true) then
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
