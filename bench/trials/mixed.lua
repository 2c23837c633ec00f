-- wrk script for bench/trials/run.sh: every request a different finder query (words, place,
-- distance, status, page), so the finder's result cache rarely answers.
local words = { "lung+cancer", "breast", "lymphoma", "immunotherapy", "pembrolizumab",
  "radiotherapy", "metastases", "brain", "chemotherapy", "melanoma", "myeloma", "" }
local places = { "Manchester", "Leeds", "Glasgow", "Cardiff", "Belfast", "Birmingham",
  "Bristol", "Edinburgh", "Sheffield", "Nottingham", "M1", "EH1", "" }
local distances = { "10", "25", "50", "100" }
local statuses = { "RECRUITING", "any", "RECRUITING,NOT_YET_RECRUITING" }

-- Each wrk thread its own sequence.
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("id", threads)
end
init = function()
  math.randomseed(os.time() * 100 + id)
end

request = function()
  local path = "/api/v1/trials?q=" .. words[math.random(#words)]
    .. "&status=" .. statuses[math.random(#statuses)]
    .. "&page=" .. math.random(20)
  local place = places[math.random(#places)]
  if place ~= "" then
    path = path .. "&near=" .. place .. "&distance=" .. distances[math.random(#distances)]
  end
  if math.random(4) == 1 then
    path = path .. "&age=" .. math.random(18, 85)
  end
  return wrk.format("GET", path)
end
