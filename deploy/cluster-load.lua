-- wrk script of deploy/cluster-load.sh: the mediation ledger read (GET) by the signed-in mediator, and every 20th
-- request a dispute taken in (POST, not idempotent: nginx never passes it to another host once it was sent).
local counter = 0
local intake = '{"source":"Visit","receivedOn":"2026-03-02","category":"Neighbours","village":"新街村",'
  .. '"summary":"宅基地排水沟争执（负载）","risk":"Low","parties":[{"name":"王桂兰","role":"Applicant",'
  .. '"address":"新街村三组12号"},{"name":"李德才","role":"Respondent"}]}'
local ledger = "/api/t/yemachuan/mediation/disputes"

request = function()
  counter = counter + 1
  if counter % 20 == 0 then
    local headers = {}
    for k, v in pairs(wrk.headers) do headers[k] = v end
    headers["Content-Type"] = "application/json"
    return wrk.format("POST", ledger, headers, intake)
  end
  return wrk.format("GET", ledger)
end
