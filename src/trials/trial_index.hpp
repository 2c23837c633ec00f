// The trial finder's memory: for every trial what it takes to filter, score and
// list it, and an index of its words by field (title, conditions, summary);
// eligibility criteria are never indexed, so "no leptomeningeal disease" in an
// exclusion list does not make a trial an LM trial.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "trials/finder_query.hpp"
#include "trials/finder_result.hpp"
#include "trials/trial.hpp"

namespace cairn::trials {

class TrialIndex {
 public:
  // A trial made ready to add; preparing needs no lock on the index.
  struct Prepared {
    std::uint32_t nct = 0;
    std::string title;
    std::string status;
    std::uint8_t phases = 0;
    std::uint8_t sex = 0;
    float min_age = -1;
    float max_age = -1;
    std::int32_t last_update = 0;  // yyyymmdd, for ties
    std::vector<std::string> conditions;
    std::vector<std::string> countries;
    struct Site {
      std::string facility, city;
      float lat, lon;  // NaN when the site has no geoPoint
    };
    std::vector<Site> sites;
    std::vector<std::pair<std::string, std::uint8_t>> terms;  // term -> fields it is in
  };
  static Prepared prepare(const Trial& trial);

  TrialIndex();
  ~TrialIndex();
  TrialIndex(const TrialIndex&) = delete;
  TrialIndex& operator=(const TrialIndex&) = delete;

  // Adds a trial, replacing the one with the same NCT id.
  void add(Prepared trial);
  void add(const Trial& trial) { add(prepare(trial)); }
  // Gives back spare capacity after a bulk load.
  void shrink_to_fit();

  std::size_t size() const { return docs_.size() - dead_; }
  // Replaced versions still held; the finder rebuilds when there are many.
  std::size_t dead() const { return dead_; }

  FinderResult search(const FinderQuery& query) const;

 private:
  // What every search reads of every trial it visits, kept small so a scan of
  // half a million stays in cache.
  struct Filter {
    std::uint8_t status;
    std::uint8_t phases;
    std::uint8_t sex;
    bool alive;
    std::uint16_t min_months;  // kNoAge when none
    std::uint16_t max_months;
    std::uint32_t first_country;  // most trials have one
    std::uint16_t country_count;
    std::uint16_t condition_count;
  };
  // The rest, read only for trials that match.
  struct Doc {
    std::uint32_t nct;
    std::uint32_t site_begin;
    std::uint32_t condition_begin;
    std::uint32_t country_begin;
    std::uint16_t site_count;
    std::int32_t last_update;
  };
  struct Site {
    std::uint32_t facility;
    std::uint32_t city;
  };
  // A site with a geoPoint, filed in the grid cell it falls in.
  struct GridEntry {
    float lat;
    float lon;
    std::uint32_t doc;
    std::uint32_t site;
  };
  // Strings kept once however many trials share them (facilities, cities, ...).
  class Pool {
   public:
    explicit Pool(bool fold_case) : fold_case_(fold_case) {}
    std::uint32_t intern(std::string_view value);
    // Case-insensitive: finds "United Kingdom" for "united kingdom".
    std::optional<std::uint32_t> find(std::string_view value) const;
    const std::string& at(std::uint32_t id) const { return values_[id]; }
    std::size_t size() const { return values_.size(); }

   private:
    bool fold_case_;
    std::deque<std::string> values_;  // a deque: the map's keys point into it
    std::unordered_map<std::string_view, std::uint32_t> ids_;
    std::deque<std::string> folded_;  // lower-case keys when folding case
  };
  struct Scored {
    std::uint32_t doc;
    float score;
  };
  struct Nearby {
    std::uint32_t doc;
    std::uint32_t site;
    float miles;
  };

  std::vector<Scored> match_all(const std::vector<std::string>& terms, std::uint8_t fields) const;
  std::vector<Scored> match_words(const FinderQuery& query, bool& any) const;
  std::vector<Scored> match_condition(const std::string& condition) const;
  std::vector<Nearby> sites_near(const Place& place, double miles) const;
  // A trial to visit and which of the two filters that chose it it fails.
  struct Visit {
    std::uint32_t doc;
    std::uint8_t fails;
  };
  std::vector<Visit> docs_passing_two_filters(const FinderQuery& query, unsigned& known) const;
  bool has_country(std::uint32_t doc, std::uint32_t country) const;
  FinderHit hit_of(std::uint32_t doc) const;

  std::vector<Filter> filters_;
  std::vector<Doc> docs_;
  std::vector<std::string> titles_;
  std::vector<Site> sites_;
  std::vector<std::uint32_t> doc_conditions_;
  std::vector<std::uint32_t> doc_countries_;
  Pool statuses_{true}, conditions_{true}, countries_{true}, facilities_{false}, cities_{false};
  std::unordered_map<std::string, std::vector<std::uint32_t>> postings_;  // doc << 3 | fields
  // Trials by status, phase and country, so the usual filters need not visit every trial.
  std::vector<std::vector<std::uint32_t>> status_docs_, phase_docs_, country_docs_;
  // Sites with a geoPoint by grid cell, for "near".
  std::unordered_map<std::uint32_t, std::vector<GridEntry>> grid_;
  std::unordered_map<std::uint32_t, std::uint32_t> by_nct_;
  std::size_t dead_ = 0;
};

}  // namespace cairn::trials
