-- wrk script for scripts/bench-scale.sh: each request asks for one of 1,200 distinct finder
-- filters (10 bodies x 5 statuses x 4 urgencies x 2 kinds x 3 sorts), chosen at random, so most
-- answers must be rendered rather than sent again from the server's page store.
local paths = {}
local statuses = { "pending", "in_preparation", "submitted", "issued", "considered" }
local urgencies = { "overdue", "at_risk", "upcoming", "done" }
local kinds = { "report", "activity" }
local sorts = { "deadline", "session", "source" }
for body = 0, 9 do
  for _, status in ipairs(statuses) do
    for _, urgency in ipairs(urgencies) do
      for _, kind in ipairs(kinds) do
        for _, sort in ipairs(sorts) do
          paths[#paths + 1] = string.format(
            "/obligations?body=gen%02d&status=%s&urgency=%s&kind=%s&sort=%s",
            body, status, urgency, kind, sort)
        end
      end
    end
  end
end

local thread_count = 0
function setup(thread)
  thread_count = thread_count + 1
  thread:set("seed", thread_count)
end

function init()
  math.randomseed(seed * 7919)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
