-- wrk script: the service's own cost without a database: an unknown route answers -1000 from the
-- dispatcher (the health route would ask the database).
dofile("bench/report.lua")
function init(args)
  wrk.method = "GET"
end

function request()
  return wrk.format(nil, "/api.php?s=bench/none&application=app&application_client_type=weixin")
end

function response(status, headers, body)
  report_unexpected(body, '"code":-1000')
end
