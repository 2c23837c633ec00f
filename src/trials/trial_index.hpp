// The trial finder's memory: for every trial what it takes to filter, score and
// list it, and an index of its words by field (title, conditions, summary);
// eligibility criteria are never indexed, so "no leptomeningeal disease" in an
// exclusion list does not make a trial an LM trial.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
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
  // Drops the trial with this NCT id, if held: it is no longer listed.
  void remove(std::string_view nct_id);
  // Gives back spare capacity after a bulk load.
  void shrink_to_fit();

  std::size_t size() const { return docs_.size() - dead_; }
  // Replaced versions still held; the finder rebuilds when there are many.
  std::size_t dead() const { return dead_; }

  FinderResult search(const FinderQuery& query) const;

 private:
  // What every search reads of every trial it visits, kept small so a scan of
  // half a million stays in cache; with its countries and conditions (in
  // doc_lists_) a visit usually reads two cache lines.
  struct Filter {
    std::uint8_t status;
    std::uint8_t phases;
    std::uint8_t sex;
    bool alive;
    std::uint16_t min_months;  // kNoAge when none
    std::uint16_t max_months;
    std::uint32_t first_country;  // most trials have one
    std::uint32_t lists;          // in doc_lists_: its countries, then its conditions
    std::uint16_t country_count;
    std::uint16_t condition_count;
  };
  // The rest, read only for trials that match.
  struct Doc {
    std::uint32_t nct;
    std::uint32_t site_begin;
    std::int32_t last_update;
    std::uint16_t site_count;
  };
  struct Site {
    std::uint32_t facility;
    std::uint32_t city;
  };
  // A site with a geoPoint, filed in the grid cell it falls in.
  struct GridEntry {
    std::uint32_t point;  // in its cell's points
    std::uint32_t doc;
    std::uint32_t site;
  };
  // Sites share places (a geoPoint is a town's), so a search works out the distance once a
  // place; entries stay in the order added, which decides ties between equally near sites.
  struct Cell {
    struct Point {
      float lat, lon;
    };
    std::vector<Point> points;
    std::vector<GridEntry> entries;
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
  // Each trial with a site within `miles` (of those in `only`, when given).
  std::vector<Nearby> sites_near(const Place& place, double miles,
                                 const std::vector<Scored>* only = nullptr) const;
  // A trial to visit and which of the two filters that chose it it fails.
  struct Visit {
    std::uint32_t doc;
    std::uint8_t fails;
  };
  // In doc order; an array, not a vector, so that filling it needs no clearing first.
  struct Visits {
    std::unique_ptr<Visit[]> items;
    std::size_t count = 0;
    std::size_t size() const { return count; }
    const Visit& operator[](std::size_t i) const { return items[i]; }
  };
  Visits docs_passing_two_filters(const FinderQuery& query, unsigned& known) const;
  bool has_country(std::uint32_t doc, std::uint32_t country) const;
  FinderHit hit_of(std::uint32_t doc) const;
  // One search's working set and its steps (trial_index.cpp).
  struct Search;

  std::vector<Filter> filters_;
  std::vector<Doc> docs_;
  std::vector<std::string> titles_;
  std::vector<Site> sites_;
  std::vector<std::uint32_t> doc_lists_;  // each trial's countries, then its conditions
  // Conditions keep each trial's own spelling ("Non-small" and "Non-Small Cell Lung Cancer"
  // are both in the records): a hit lists its trial's conditions as the record has them.
  Pool statuses_{true}, conditions_{false}, countries_{true}, facilities_{false}, cities_{false};
  std::unordered_map<std::string, std::vector<std::uint32_t>> postings_;  // doc << 3 | fields
  // Trials by status, phase and country, so the usual filters need not visit every trial.
  std::vector<std::vector<std::uint32_t>> status_docs_, phase_docs_, country_docs_;
  // Sites with a geoPoint by grid cell, for "near".
  std::unordered_map<std::uint32_t, Cell> grid_;
  // Where each place is in its cell's points, by its coordinates' bits.
  std::unordered_map<std::uint64_t, std::uint32_t> point_index_;
  std::unordered_map<std::uint32_t, std::uint32_t> by_nct_;
  std::size_t dead_ = 0;
};

}  // namespace cairn::trials
