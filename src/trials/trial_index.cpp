#include "trials/trial_index.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/text.hpp"
#include "trials/condition_names.hpp"
#include "trials/places.hpp"
#include "trials/plain_english.hpp"
#include "trials/terms.hpp"

namespace cairn::trials {

namespace {

// Where a word was found. Criteria have no bit: they are never indexed.
constexpr std::uint8_t kConditionField = 1;  // conditions, keywords, MeSH terms
constexpr std::uint8_t kTitleField = 2;      // brief and official titles
constexpr std::uint8_t kSummaryField = 4;    // brief summary, intervention names
constexpr std::uint8_t kAnyField = kConditionField | kTitleField | kSummaryField;

float field_weight(std::uint8_t fields) {
  if (fields & kConditionField)
    return 3;
  if (fields & kTitleField)
    return 2;
  return fields & kSummaryField ? 1 : 0;
}

constexpr std::array<std::string_view, 6> kPhaseCodes = {"EARLY_PHASE1", "PHASE1", "PHASE2",
                                                         "PHASE3",       "PHASE4", "NA"};

std::uint8_t phase_bits(const std::vector<std::string>& phases) {
  std::uint8_t bits = 0;
  for (const auto& phase : phases) {
    auto it = std::find(kPhaseCodes.begin(), kPhaseCodes.end(), phase);
    if (it != kPhaseCodes.end()) {
      bits |= static_cast<std::uint8_t>(1u << (it - kPhaseCodes.begin()));
    }
  }
  return bits;
}

std::vector<std::string> phase_codes(std::uint8_t bits) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < kPhaseCodes.size(); ++i) {
    if (bits & (1u << i))
      out.emplace_back(kPhaseCodes[i]);
  }
  return out;
}

constexpr std::uint8_t kSexAll = 0, kSexFemale = 1, kSexMale = 2;

std::int32_t date_number(std::string_view date) {
  std::int32_t n = 0;
  int digits = 0;
  for (char c : date) {
    if (c >= '0' && c <= '9' && digits < 8) {
      n = n * 10 + (c - '0');
      ++digits;
    }
  }
  for (; digits < 8; digits += 2) n *= 100;
  return n;
}

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr float kOutside = std::numeric_limits<float>::infinity();  // no site near enough
constexpr std::uint16_t kNoAge = std::numeric_limits<std::uint16_t>::max();

// Age limits in whole months: a lower limit rounds down and an upper one up, so
// nobody the trial would take is turned away by the rounding.
std::uint16_t age_months(float years, bool upper) {
  if (years < 0)
    return kNoAge;
  double months = upper ? std::ceil(years * 12.0 - 1e-6) : std::floor(years * 12.0 + 1e-6);
  return static_cast<std::uint16_t>(std::clamp(months, 0.0, kNoAge - 1.0));
}

// Facet filters: a trial failing exactly one still counts in that facet.
constexpr unsigned kStatusFacet = 1, kPhaseFacet = 2, kCountryFacet = 4;

// Grid cells a quarter of a degree square: a 100-mile circle spans a few hundred.
constexpr double kCellDegrees = 0.25;
constexpr double kMilesPerDegreeLat = 69.0;

std::int32_t cell_of(double degrees) {
  return static_cast<std::int32_t>(std::floor(degrees / kCellDegrees));
}

std::uint32_t cell_key(std::int32_t lat_cell, std::int32_t lon_cell) {
  return static_cast<std::uint32_t>(lat_cell + 1000) * 4000u +
         static_cast<std::uint32_t>(lon_cell + 2000);
}

// Sorted doc lists into one sorted list without repeats.
std::vector<std::uint32_t> merge_lists(
    const std::vector<const std::vector<std::uint32_t>*>& lists) {
  std::vector<std::uint32_t> out;
  for (const auto* list : lists) {
    std::vector<std::uint32_t> merged;
    merged.reserve(out.size() + list->size());
    std::set_union(out.begin(), out.end(), list->begin(), list->end(), std::back_inserter(merged));
    out = std::move(merged);
  }
  return out;
}

}  // namespace

std::uint32_t TrialIndex::Pool::intern(std::string_view value) {
  std::string folded;
  std::string_view key = value;
  if (fold_case_) {
    folded = to_lower_ascii(value);
    key = folded;
  }
  if (auto it = ids_.find(key); it != ids_.end())
    return it->second;
  auto id = static_cast<std::uint32_t>(values_.size());
  values_.emplace_back(value);
  if (fold_case_) {
    folded_.push_back(std::move(folded));
    key = folded_.back();
  } else {
    key = values_.back();
  }
  ids_.emplace(key, id);
  return id;
}

std::optional<std::uint32_t> TrialIndex::Pool::find(std::string_view value) const {
  std::string folded = fold_case_ ? to_lower_ascii(value) : std::string(value);
  auto it = ids_.find(folded);
  if (it == ids_.end())
    return std::nullopt;
  return it->second;
}

TrialIndex::TrialIndex() : phase_docs_(kPhaseCodes.size()) {}
TrialIndex::~TrialIndex() = default;

TrialIndex::Prepared TrialIndex::prepare(const Trial& t) {
  Prepared p;
  p.nct = static_cast<std::uint32_t>(std::stoul(t.nct_id.substr(3)));
  p.title = t.title();
  p.status = t.overall_status;
  p.phases = phase_bits(t.phases);
  p.sex = t.eligibility.sex == "FEMALE" ? kSexFemale
          : t.eligibility.sex == "MALE" ? kSexMale
                                        : kSexAll;
  if (auto age = age_in_years(t.eligibility.minimum_age))
    p.min_age = static_cast<float>(*age);
  if (auto age = age_in_years(t.eligibility.maximum_age))
    p.max_age = static_cast<float>(*age);
  p.last_update = date_number(t.last_update);
  p.conditions = t.conditions;
  constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
  for (const auto& l : t.locations) {
    p.sites.push_back({l.facility, l.city, l.lat ? static_cast<float>(*l.lat) : kNaN,
                       l.lon ? static_cast<float>(*l.lon) : kNaN});
    if (!l.country.empty() &&
        std::find(p.countries.begin(), p.countries.end(), l.country) == p.countries.end()) {
      p.countries.push_back(l.country);
    }
  }
  // Terms by field, then one entry a term with every field it is in.
  std::array<std::vector<std::string>, 3> by_field;
  auto& conditions = by_field[0];
  auto& titles = by_field[1];
  auto& summary = by_field[2];
  append_terms(t.brief_title, titles);
  append_terms(t.official_title, titles);
  for (const auto& c : t.conditions) append_terms(c, conditions);
  for (const auto& k : t.keywords) append_terms(k, conditions);
  for (const auto& m : t.mesh_terms) append_terms(m, conditions);
  append_terms(t.brief_summary, summary);
  for (const auto& i : t.interventions) append_terms(i.name, summary);
  std::vector<std::pair<std::string_view, std::uint8_t>> all;
  constexpr std::array<std::uint8_t, 3> kFields = {kConditionField, kTitleField, kSummaryField};
  for (std::size_t f = 0; f < by_field.size(); ++f) {
    for (const auto& term : by_field[f]) all.emplace_back(term, kFields[f]);
  }
  std::sort(all.begin(), all.end());
  for (const auto& [term, field] : all) {
    if (!p.terms.empty() && p.terms.back().first == term) {
      p.terms.back().second |= field;
    } else {
      p.terms.emplace_back(std::string(term), field);
    }
  }
  return p;
}

void TrialIndex::remove(std::string_view nct_id) {
  if (nct_id.size() != 11)
    return;
  std::uint32_t nct = 0;
  auto digits = nct_id.substr(3);
  if (std::from_chars(digits.data(), digits.data() + digits.size(), nct).ec != std::errc())
    return;
  auto it = by_nct_.find(nct);
  if (it == by_nct_.end())
    return;
  filters_[it->second].alive = false;
  ++dead_;
  by_nct_.erase(it);
}

void TrialIndex::add(Prepared p) {
  if (auto it = by_nct_.find(p.nct); it != by_nct_.end()) {
    filters_[it->second].alive = false;
    ++dead_;
  }
  auto id = static_cast<std::uint32_t>(docs_.size());
  by_nct_[p.nct] = id;
  constexpr std::size_t kMaxList = std::numeric_limits<std::uint16_t>::max();
  Filter filter{};
  filter.status = static_cast<std::uint8_t>(statuses_.intern(p.status));
  filter.phases = p.phases;
  filter.sex = p.sex;
  filter.alive = true;
  filter.min_months = age_months(p.min_age, false);
  filter.max_months = age_months(p.max_age, true);
  filter.first_country = kNone;
  Doc doc{};
  doc.nct = p.nct;
  doc.last_update = p.last_update;
  doc.site_begin = static_cast<std::uint32_t>(sites_.size());
  for (const auto& s : p.sites) {
    if (doc.site_count == kMaxList)
      break;
    auto site = static_cast<std::uint32_t>(sites_.size());
    sites_.push_back({facilities_.intern(s.facility), cities_.intern(s.city)});
    if (!std::isnan(s.lat)) {
      Cell& cell = grid_[cell_key(cell_of(s.lat), cell_of(s.lon))];
      auto [at, added] =
          point_index_.try_emplace(std::uint64_t{std::bit_cast<std::uint32_t>(s.lat)} << 32 |
                                       std::bit_cast<std::uint32_t>(s.lon),
                                   static_cast<std::uint32_t>(cell.points.size()));
      if (added)
        cell.points.push_back({s.lat, s.lon});
      cell.entries.push_back({at->second, id, site});
    }
    ++doc.site_count;
  }
  // Conditions are named first, as they always were, so their pool ids keep their order.
  std::vector<std::uint32_t> conditions;
  for (const auto& c : p.conditions) {
    if (conditions.size() == kMaxList)
      break;
    conditions.push_back(conditions_.intern(c));
  }
  filter.lists = static_cast<std::uint32_t>(doc_lists_.size());
  for (const auto& c : p.countries) {
    if (filter.country_count == kMaxList)
      break;
    std::uint32_t country = countries_.intern(c);
    if (filter.country_count == 0)
      filter.first_country = country;
    doc_lists_.push_back(country);
    if (country_docs_.size() <= country)
      country_docs_.resize(country + 1);
    country_docs_[country].push_back(id);
    ++filter.country_count;
  }
  doc_lists_.insert(doc_lists_.end(), conditions.begin(), conditions.end());
  filter.condition_count = static_cast<std::uint16_t>(conditions.size());
  if (status_docs_.size() <= filter.status)
    status_docs_.resize(filter.status + 1u);
  status_docs_[filter.status].push_back(id);
  for (std::size_t b = 0; b < kPhaseCodes.size(); ++b) {
    if (filter.phases & (1u << b))
      phase_docs_[b].push_back(id);
  }
  filters_.push_back(filter);
  docs_.push_back(doc);
  titles_.push_back(std::move(p.title));
  for (auto& [term, fields] : p.terms) {
    postings_[std::move(term)].push_back(id << 3 | fields);
  }
}

void TrialIndex::shrink_to_fit() {
  for (auto& [term, list] : postings_) list.shrink_to_fit();
  for (auto& [key, cell] : grid_) {
    cell.points.shrink_to_fit();
    cell.entries.shrink_to_fit();
  }
  for (auto* lists : {&status_docs_, &phase_docs_, &country_docs_}) {
    for (auto& list : *lists) list.shrink_to_fit();
  }
  filters_.shrink_to_fit();
  docs_.shrink_to_fit();
  titles_.shrink_to_fit();
  sites_.shrink_to_fit();
  doc_lists_.shrink_to_fit();
}

// Trials having every term in one of `fields`, scored by how rare each term is
// and how telling its field.
std::vector<TrialIndex::Scored> TrialIndex::match_all(const std::vector<std::string>& terms,
                                                      std::uint8_t fields) const {
  std::vector<const std::vector<std::uint32_t>*> lists;
  for (const auto& term : terms) {
    auto it = postings_.find(term);
    if (it == postings_.end())
      return {};
    lists.push_back(&it->second);
  }
  if (lists.empty())
    return {};
  std::sort(lists.begin(), lists.end(), [](auto* a, auto* b) { return a->size() < b->size(); });
  auto idf = [&](const std::vector<std::uint32_t>* list) {
    return static_cast<float>(
        std::log(1.0 + static_cast<double>(docs_.size()) / static_cast<double>(list->size())));
  };
  std::vector<Scored> out;
  float first_idf = idf(lists[0]);
  for (std::uint32_t entry : *lists[0]) {
    auto f = static_cast<std::uint8_t>(entry & fields);
    if (f)
      out.push_back({entry >> 3, first_idf * field_weight(f)});
  }
  for (std::size_t i = 1; i < lists.size() && !out.empty(); ++i) {
    const auto& list = *lists[i];
    float term_idf = idf(lists[i]);
    std::size_t kept = 0;
    auto from = list.begin();
    // Both lists are in doc order. A much longer list is searched forward from
    // the last find; one of similar length is walked alongside.
    bool gallop = list.size() > out.size() * 8;
    for (const auto& s : out) {
      if (gallop) {
        from = std::lower_bound(from, list.end(), s.doc << 3);
      } else {
        while (from != list.end() && (*from >> 3) < s.doc) ++from;
      }
      if (from == list.end())
        break;
      if ((*from >> 3) != s.doc)
        continue;
      auto f = static_cast<std::uint8_t>(*from & fields);
      if (f)
        out[kept++] = {s.doc, s.score + term_idf * field_weight(f)};
    }
    out.resize(kept);
  }
  return out;
}

// Trials filed under the condition or a synonym, looked for in conditions,
// keywords, MeSH terms and titles: a summary mentioning a disease in passing
// does not make a trial a trial for it.
std::vector<TrialIndex::Scored> TrialIndex::match_condition(const std::string& condition) const {
  // Expanded once per search: the names, then one posting walk per name.
  std::vector<ConditionName> names;
  for (const auto& name : condition_names(condition)) {
    auto parsed = parse_condition_name(name);
    std::sort(parsed.terms.begin(), parsed.terms.end());
    if (!parsed.terms.empty())
      names.push_back(std::move(parsed));
  }
  // "leptomeningeal metastases" finds nothing "leptomeningeal" has not found.
  auto covered = [&](const ConditionName& name) {
    return std::any_of(names.begin(), names.end(), [&](const ConditionName& other) {
      return other.excluded.empty() && other.terms.size() < name.terms.size() &&
             std::includes(name.terms.begin(), name.terms.end(), other.terms.begin(),
                           other.terms.end());
    });
  };
  std::vector<Scored> out;
  for (const auto& name : names) {
    if (covered(name))
      continue;
    auto found = match_all(name.terms, kConditionField | kTitleField);
    for (const auto& word : name.excluded) {
      auto drop = match_all({word}, kConditionField | kTitleField);
      std::vector<Scored> kept;
      kept.reserve(found.size());
      auto d = drop.begin();
      for (const auto& f : found) {
        while (d != drop.end() && d->doc < f.doc) ++d;
        if (d == drop.end() || d->doc != f.doc)
          kept.push_back(f);
      }
      found = std::move(kept);
    }
    std::vector<Scored> merged;
    merged.reserve(out.size() + found.size());
    auto a = out.begin(), b = found.begin();
    while (a != out.end() || b != found.end()) {
      if (b == found.end() || (a != out.end() && a->doc < b->doc)) {
        merged.push_back(*a++);
      } else if (a == out.end() || b->doc < a->doc) {
        merged.push_back(*b++);
      } else {
        merged.push_back({a->doc, std::max(a->score, b->score)});
        ++a;
        ++b;
      }
    }
    out = std::move(merged);
  }
  return out;
}

// The words and the condition together; `any` says whether either narrowed.
std::vector<TrialIndex::Scored> TrialIndex::match_words(const FinderQuery& query, bool& any) const {
  auto words = terms_of(query.q);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  // Every trial in the finder is a cancer trial: "cancer" narrows nothing.
  bool has_condition = !terms_of(query.condition).empty() && !means_any_cancer(query.condition);
  any = !words.empty() || has_condition;
  if (!has_condition)
    return words.empty() ? std::vector<Scored>{} : match_all(words, kAnyField);
  auto matched = match_condition(query.condition);
  if (words.empty())
    return matched;
  std::vector<Scored> both;
  auto m = matched.begin();
  for (const auto& c : match_all(words, kAnyField)) {
    while (m != matched.end() && m->doc < c.doc) ++m;
    if (m != matched.end() && m->doc == c.doc)
      both.push_back({c.doc, c.score + m->score});
  }
  return both;
}

// Each trial with a site within `miles`, with its nearest such site, in doc order.
std::vector<TrialIndex::Nearby> TrialIndex::sites_near(const Place& place, double miles,
                                                       const std::vector<Scored>* only) const {
  double lat_span = miles / kMilesPerDegreeLat;
  double cos_lat = std::max(0.01, std::cos(place.lat * 3.14159265358979323846 / 180));
  double lon_span = lat_span / cos_lat;
  // The cells in reach, each with the distance to each of its places, in the order read.
  struct Reach {
    const Cell* cell;
    std::size_t miles_at;  // where its places' distances start in point_miles
    std::size_t next = 0;  // its first entry not yet read
  };
  std::vector<Reach> reach;
  std::vector<float> point_miles;  // kOutside beyond `miles`
  for (std::int32_t la = cell_of(place.lat - lat_span); la <= cell_of(place.lat + lat_span); ++la) {
    for (std::int32_t lo = cell_of(place.lon - lon_span); lo <= cell_of(place.lon + lon_span);
         ++lo) {
      auto cell = grid_.find(cell_key(la, lo));
      if (cell == grid_.end())
        continue;
      std::size_t miles_at = point_miles.size();
      bool any_inside = false;
      for (const Cell::Point& p : cell->second.points) {
        // A cheap flat-earth check first; the true distance only for likely places.
        double dy = (p.lat - place.lat) * kMilesPerDegreeLat;
        double dx = (p.lon - place.lon) * kMilesPerDegreeLat * cos_lat;
        float d = kOutside;
        if (dx * dx + dy * dy <= miles * miles * 1.05)
          d = static_cast<float>(distance_miles(place.lat, place.lon, p.lat, p.lon));
        point_miles.push_back(d > miles ? kOutside : d);
        any_inside = any_inside || d <= miles;
      }
      if (any_inside)
        reach.push_back({&cell->second, miles_at});
      else
        point_miles.resize(miles_at);
    }
  }

  // The nearest site of each trial, a block of trials at a time so that the table stays in
  // cache (a table of every trial, met in cell order, missed the cache at every site). A
  // cell's entries are in doc order, so each block reads on from where the last one stopped,
  // and each trial meets its sites in the same order as before: on a tie the first one stays.
  constexpr std::uint32_t kBlock = 8192;
  struct Nearest {
    float miles = kOutside;
    std::uint32_t site = 0;
  };
  std::vector<Nearest> best(kBlock);
  // With words, only the trials they matched: a bit each, so the check stays in cache.
  std::vector<std::uint64_t> wanted;
  if (only != nullptr) {
    wanted.resize(docs_.size() / 64 + 1);
    for (const Scored& s : *only) wanted[s.doc / 64] |= std::uint64_t{1} << (s.doc % 64);
  }
  std::vector<std::uint32_t> found;  // in this block
  std::vector<Nearby> out;
  while (!reach.empty()) {
    std::uint32_t first = kNone;
    for (const Reach& r : reach) first = std::min(first, r.cell->entries[r.next].doc);
    std::uint32_t begin = first - first % kBlock;
    std::uint32_t end = begin + kBlock;
    for (Reach& r : reach) {
      const std::vector<GridEntry>& entries = r.cell->entries;
      const float* miles_to = point_miles.data() + r.miles_at;
      std::size_t i = r.next;
      for (; i < entries.size() && entries[i].doc < end; ++i) {
        const GridEntry& e = entries[i];
        float d = miles_to[e.point];
        if (d == kOutside || (only != nullptr && !(wanted[e.doc / 64] >> (e.doc % 64) & 1)))
          continue;
        Nearest& b = best[e.doc - begin];
        if (d >= b.miles)
          continue;
        if (b.miles == kOutside)
          found.push_back(e.doc);
        b = {d, e.site};
      }
      r.next = i;
    }
    std::sort(found.begin(), found.end());
    for (std::uint32_t doc : found) {
      Nearest& b = best[doc - begin];
      out.push_back({doc, b.site, b.miles});
      b = Nearest{};
    }
    found.clear();
    std::erase_if(reach, [](const Reach& r) { return r.next == r.cell->entries.size(); });
  }
  return out;
}

// With two or more facet filters set, a trial that counts anywhere passes all
// but at most one, so it passes one of the two most selective: visiting their
// trials is enough, and whether each passes those two is known on the way.
TrialIndex::Visits TrialIndex::docs_passing_two_filters(const FinderQuery& query,
                                                        unsigned& known) const {
  struct Filter {
    unsigned bit;
    std::vector<const std::vector<std::uint32_t>*> lists;
    std::size_t size = 0;
  };
  std::vector<Filter> filters;
  if (!query.statuses.empty()) {
    Filter f{kStatusFacet, {}};
    for (const auto& s : query.statuses) {
      if (auto id = statuses_.find(s); id && *id < status_docs_.size()) {
        f.lists.push_back(&status_docs_[*id]);
        f.size += status_docs_[*id].size();
      }
    }
    filters.push_back(std::move(f));
  }
  if (!query.phases.empty()) {
    Filter f{kPhaseFacet, {}};
    std::uint8_t bits = phase_bits(query.phases);
    for (std::size_t b = 0; b < kPhaseCodes.size(); ++b) {
      if (bits & (1u << b)) {
        f.lists.push_back(&phase_docs_[b]);
        f.size += phase_docs_[b].size();
      }
    }
    filters.push_back(std::move(f));
  }
  if (!query.country.empty()) {
    Filter f{kCountryFacet, {}};
    if (auto id = countries_.find(query.country); id && *id < country_docs_.size()) {
      f.lists.push_back(&country_docs_[*id]);
      f.size = country_docs_[*id].size();
    }
    filters.push_back(std::move(f));
  }
  std::sort(filters.begin(), filters.end(),
            [](const Filter& a, const Filter& b) { return a.size < b.size; });
  // A filter of one value uses its list as it is; several values are merged.
  std::vector<std::uint32_t> a_merged, b_merged;
  auto list_of = [](const Filter& f, std::vector<std::uint32_t>& merged) -> const auto& {
    if (f.lists.size() == 1)
      return *f.lists[0];
    merged = merge_lists(f.lists);
    return merged;
  };
  const std::vector<std::uint32_t>& a = list_of(filters[0], a_merged);
  const std::vector<std::uint32_t>& b = list_of(filters[1], b_merged);
  auto a_bit = static_cast<std::uint8_t>(filters[0].bit);
  auto b_bit = static_cast<std::uint8_t>(filters[1].bit);
  known = a_bit | b_bit;
  // Merged without branches (which side comes next is a coin toss the CPU kept losing) into
  // memory left uninitialised: this merge was a fifth of a default search.
  Visits out;
  out.items.reset(new Visit[a.size() + b.size()]);
  Visit* o = out.items.get();
  const std::uint32_t *i = a.data(), *a_end = i + a.size();
  const std::uint32_t *j = b.data(), *b_end = j + b.size();
  while (i != a_end && j != b_end) {
    std::uint32_t x = *i, y = *j;
    bool from_a = x <= y, from_b = y <= x;
    auto fails = static_cast<std::uint8_t>(from_a && from_b ? 0 : from_a ? b_bit : a_bit);
    *o++ = {from_a ? x : y, fails};
    i += from_a;
    j += from_b;
  }
  while (i != a_end) *o++ = {*i++, b_bit};
  while (j != b_end) *o++ = {*j++, a_bit};
  out.count = static_cast<std::size_t>(o - out.items.get());
  return out;
}

bool TrialIndex::has_country(std::uint32_t id, std::uint32_t country) const {
  const Filter& f = filters_[id];
  if (f.first_country == country)
    return true;
  if (f.country_count < 2)
    return false;
  const std::uint32_t* begin = doc_lists_.data() + f.lists;
  return std::find(begin + 1, begin + f.country_count, country) != begin + f.country_count;
}

FinderHit TrialIndex::hit_of(std::uint32_t id) const {
  const Doc& doc = docs_[id];
  const Filter& f = filters_[id];
  FinderHit hit;
  char nct[16];
  std::snprintf(nct, sizeof nct, "NCT%08u", doc.nct);
  hit.nct_id = nct;
  hit.title = titles_[id];
  hit.status = statuses_.at(f.status);
  hit.phases = phase_codes(f.phases);
  for (std::uint16_t i = 0; i < f.condition_count; ++i) {
    hit.conditions.push_back(conditions_.at(doc_lists_[f.lists + f.country_count + i]));
  }
  return hit;
}

// One search's working set, shared by reference between its steps: the query's filters as
// lookups on interned ids, the trials that pass them and the facet counts. A member of
// TrialIndex so that its steps may read the index's arrays.
struct TrialIndex::Search {
  struct Hit {
    std::uint32_t doc;
    std::uint32_t site;
    float score;
    float miles;
    std::int32_t last_update;
    std::uint32_t nct;
    bool preferred;
  };
  static constexpr float kFar = std::numeric_limits<float>::infinity();

  const TrialIndex& index;
  const FinderQuery& query;
  std::vector<char> status_ok;
  std::uint8_t phase_mask;
  bool phase_filter;
  bool country_filter;
  std::uint32_t country;
  std::uint32_t preferred;
  std::uint8_t sex;
  double age_in_months;
  std::vector<std::uint32_t> status_counts, country_counts, condition_counts;
  std::array<std::size_t, kPhaseCodes.size()> phase_counts{};
  std::vector<Hit> hits;

  Search(const TrialIndex& index, const FinderQuery& query);

  void consider(std::uint32_t id, float score, float miles, std::uint32_t site, unsigned known = 0,
                unsigned known_fails = 0);
  void count_facets(const Filter& f, unsigned failed);
  template <typename List, typename Visitor>
  void visit_all(const List& list, Visitor&& visit) const;
  void collect();
  void collect_near(const std::vector<Scored>* words);
  void collect_by_words(const std::vector<Scored>& words, bool two_filters);
  void collect_by_filters(bool two_filters);

  // Function objects rather than functions, so the sorts inline them.
  struct ByRelevance {
    bool operator()(const Hit& a, const Hit& b) const;
  };
  struct ByDistance {
    bool operator()(const Hit& a, const Hit& b) const;
  };
  template <typename Less>
  void order_page(std::size_t from, std::size_t to, Less less);
  void fill_page(FinderResult& result);
  void fill_facets(FinderResult& result) const;
  void fill_condition_facet(FinderResult& result) const;
};

TrialIndex::Search::Search(const TrialIndex& index, const FinderQuery& query)
    : index(index),
      query(query),
      status_ok(index.statuses_.size(), query.statuses.empty() ? 1 : 0),
      phase_mask(phase_bits(query.phases)),
      phase_filter(!query.phases.empty()),
      country_filter(!query.country.empty()),
      country(country_filter ? index.countries_.find(query.country).value_or(kNone) : kNone),
      preferred(query.prefer_country.empty()
                    ? kNone
                    : index.countries_.find(query.prefer_country).value_or(kNone)),
      sex(query.sex == "FEMALE" ? kSexFemale
          : query.sex == "MALE" ? kSexMale
                                : kSexAll),
      age_in_months(query.age ? *query.age * 12 : -1.0),
      status_counts(index.statuses_.size()),
      country_counts(index.countries_.size()),
      condition_counts(index.conditions_.size()) {
  for (const auto& s : query.statuses) {
    if (auto id = index.statuses_.find(s))
      status_ok[*id] = 1;
  }
}

// `known` filters were settled by how the trial was found; `known_fails` says which of them it
// fails.
inline void TrialIndex::Search::consider(std::uint32_t id, float score, float miles,
                                         std::uint32_t site, unsigned known, unsigned known_fails) {
  const Filter& f = index.filters_[id];
  if (!f.alive)
    return;
  if (age_in_months >= 0 && ((f.min_months != kNoAge && age_in_months < f.min_months) ||
                             (f.max_months != kNoAge && age_in_months > f.max_months))) {
    return;
  }
  if (sex != kSexAll && f.sex != kSexAll && f.sex != sex)
    return;
  unsigned failed = known_fails;
  if (!(known & kStatusFacet) && !status_ok[f.status])
    failed |= kStatusFacet;
  if (!(known & kPhaseFacet) && phase_filter && !(f.phases & phase_mask))
    failed |= kPhaseFacet;
  if (!(known & kCountryFacet) && country_filter &&
      (country == kNone || !index.has_country(id, country))) {
    failed |= kCountryFacet;
  }
  if (failed & (failed - 1))
    return;  // fails two or more: counts nowhere
  count_facets(f, failed);
  if (failed != 0)
    return;
  const Doc& doc = index.docs_[id];
  const std::uint32_t* conditions = index.doc_lists_.data() + f.lists + f.country_count;
  for (std::uint16_t i = 0; i < f.condition_count; ++i) ++condition_counts[conditions[i]];
  hits.push_back({id, site, score, miles, doc.last_update, doc.nct,
                  preferred != kNone && index.has_country(id, preferred)});
}

// A trial failing only one facet's filter still counts in that facet, so each facet shows what
// choosing another of its values would find.
inline void TrialIndex::Search::count_facets(const Filter& f, unsigned failed) {
  if (failed == 0 || failed == kStatusFacet)
    ++status_counts[f.status];
  if (failed == 0 || failed == kPhaseFacet) {
    for (unsigned bits = f.phases; bits != 0; bits &= bits - 1)
      ++phase_counts[std::countr_zero(bits)];
  }
  if (failed == 0 || failed == kCountryFacet) {
    if (f.country_count > 0)
      ++country_counts[f.first_country];
    for (std::uint16_t i = 1; i < f.country_count; ++i) {
      ++country_counts[index.doc_lists_[f.lists + i]];
    }
  }
}

// Trials are visited in doc order but sparsely, so each visit would wait on memory for its
// filter, its lists and its doc in turn; asking for them some visits ahead overlaps the waits.
template <typename List, typename Visitor>
inline void TrialIndex::Search::visit_all(const List& list, Visitor&& visit) const {
  constexpr std::size_t kFilterAhead = 16, kListsAhead = 8;
  std::size_t n = list.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i + kFilterAhead < n)
      __builtin_prefetch(&index.filters_[list[i + kFilterAhead].doc]);
    if (i + kListsAhead < n) {
      std::uint32_t ahead = list[i + kListsAhead].doc;
      __builtin_prefetch(index.doc_lists_.data() + index.filters_[ahead].lists);
      __builtin_prefetch(&index.docs_[ahead]);
    }
    visit(list[i]);
  }
}

// Narrow first by words, then by place; with neither, by the usual filters.
void TrialIndex::Search::collect() {
  bool two_filters = !query.statuses.empty() + phase_filter + country_filter >= 2;
  bool by_words = false;
  auto words = index.match_words(query, by_words);
  if (query.near) {
    collect_near(by_words ? &words : nullptr);
  } else if (by_words) {
    collect_by_words(words, two_filters);
  } else {
    collect_by_filters(two_filters);
  }
}

// With words, `words` is in doc order as the sites near are: the two are merged.
void TrialIndex::Search::collect_near(const std::vector<Scored>* words) {
  auto nearby = index.sites_near(*query.near, query.distance_miles, words);
  if (words != nullptr) {
    auto w = words->begin();
    visit_all(nearby, [&](const Nearby& n) {
      while (w != words->end() && w->doc < n.doc) ++w;
      if (w != words->end() && w->doc == n.doc)
        consider(n.doc, w->score, n.miles, n.site);
    });
  } else {
    hits.reserve(nearby.size());
    visit_all(nearby, [&](const Nearby& n) { consider(n.doc, 0, n.miles, n.site); });
  }
}

void TrialIndex::Search::collect_by_words(const std::vector<Scored>& words, bool two_filters) {
  if (two_filters && words.size() * 8 > index.docs_.size()) {
    // Common words ("cancer") match much of the index: the usual filters narrow more.
    unsigned known = 0;
    auto visits = index.docs_passing_two_filters(query, known);
    const Visit *v = visits.items.get(), *v_end = v + visits.size();
    visit_all(words, [&](const Scored& w) {
      while (v != v_end && v->doc < w.doc) ++v;
      if (v != v_end && v->doc == w.doc)
        consider(w.doc, w.score, kFar, 0, known, v->fails);
    });
  } else {
    hits.reserve(words.size());
    visit_all(words, [&](const Scored& w) { consider(w.doc, w.score, kFar, 0); });
  }
}

void TrialIndex::Search::collect_by_filters(bool two_filters) {
  if (two_filters) {
    unsigned known = 0;
    auto visits = index.docs_passing_two_filters(query, known);
    hits.reserve(visits.size());
    visit_all(visits, [&](const Visit& v) { consider(v.doc, 0, kFar, 0, known, v.fails); });
  } else {
    // Every trial, in the order they lie in memory: no need to fetch ahead.
    hits.reserve(index.docs_.size());
    auto count = static_cast<std::uint32_t>(index.docs_.size());
    for (std::uint32_t id = 0; id < count; ++id) consider(id, 0, kFar, 0);
  }
}

inline bool TrialIndex::Search::ByRelevance::operator()(const Hit& a, const Hit& b) const {
  if (a.preferred != b.preferred)
    return a.preferred;
  if (a.score != b.score)
    return a.score > b.score;
  if (a.miles != b.miles)
    return a.miles < b.miles;
  if (a.last_update != b.last_update)
    return a.last_update > b.last_update;
  return a.nct < b.nct;
}

inline bool TrialIndex::Search::ByDistance::operator()(const Hit& a, const Hit& b) const {
  if (a.miles != b.miles)
    return a.miles < b.miles;
  return ByRelevance{}(a, b);
}

// Everything before the page, then the page itself in order: the rest is never sorted.
template <typename Less>
inline void TrialIndex::Search::order_page(std::size_t from, std::size_t to, Less less) {
  auto first = hits.begin() + static_cast<std::ptrdiff_t>(from);
  if (from > 0)
    std::nth_element(hits.begin(), first, hits.end(), less);
  std::partial_sort(first, hits.begin() + static_cast<std::ptrdiff_t>(to), hits.end(), less);
}

void TrialIndex::Search::fill_page(FinderResult& result) {
  result.total = hits.size();
  result.page = query.page;
  result.page_size = query.page_size;
  auto page_size = static_cast<std::size_t>(std::max(query.page_size, 0));
  std::size_t from = static_cast<std::size_t>(std::max(query.page - 1, 0)) * page_size;
  std::size_t to = std::min(hits.size(), from + page_size);
  if (from >= to)
    return;
  if (query.sort == SortOrder::distance && query.near) {
    order_page(from, to, ByDistance{});
  } else {
    order_page(from, to, ByRelevance{});
  }
  for (std::size_t i = from; i < to; ++i) {
    FinderHit hit = index.hit_of(hits[i].doc);
    hit.score = hits[i].score;
    if (query.near) {
      const Site& s = index.sites_[hits[i].site];  // set whenever near is
      hit.nearest =
          NearestSite{index.facilities_.at(s.facility), index.cities_.at(s.city), hits[i].miles};
    }
    result.results.push_back(std::move(hit));
  }
}

void TrialIndex::Search::fill_facets(FinderResult& result) const {
  auto& facets = result.facets;
  auto& status_facet = facets["status"];
  auto& phase_facet = facets["phase"];
  auto& country_facet = facets["country"];
  for (std::uint32_t i = 0; i < status_counts.size(); ++i) {
    if (status_counts[i])
      status_facet[index.statuses_.at(i)] = status_counts[i];
  }
  for (std::size_t b = 0; b < kPhaseCodes.size(); ++b) {
    if (phase_counts[b])
      phase_facet[std::string(kPhaseCodes[b])] = phase_counts[b];
  }
  for (std::uint32_t i = 0; i < country_counts.size(); ++i) {
    if (country_counts[i])
      country_facet[index.countries_.at(i)] = country_counts[i];
  }
  fill_condition_facet(result);
}

// Only the commonest conditions: a broad search touches thousands.
void TrialIndex::Search::fill_condition_facet(FinderResult& result) const {
  constexpr std::size_t kTopConditions = 30;
  auto& condition_facet = result.facets["condition"];
  std::vector<std::uint32_t> seen;
  for (std::uint32_t i = 0; i < condition_counts.size(); ++i) {
    if (condition_counts[i])
      seen.push_back(i);
  }
  auto commoner = [&](std::uint32_t a, std::uint32_t b) {
    if (condition_counts[a] != condition_counts[b])
      return condition_counts[a] > condition_counts[b];
    return index.conditions_.at(a) < index.conditions_.at(b);
  };
  std::size_t top = std::min(seen.size(), kTopConditions);
  std::partial_sort(seen.begin(), seen.begin() + static_cast<std::ptrdiff_t>(top), seen.end(),
                    commoner);
  for (std::size_t i = 0; i < top; ++i) {
    condition_facet[index.conditions_.at(seen[i])] = condition_counts[seen[i]];
  }
}

FinderResult TrialIndex::search(const FinderQuery& query) const {
  Search search(*this, query);
  search.collect();
  FinderResult result;
  search.fill_page(result);
  search.fill_facets(result);
  return result;
}

}  // namespace cairn::trials
