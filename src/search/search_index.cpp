#include "search/search_index.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_set>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "search/query_text.hpp"
#include "search/snippet.hpp"
#include "search/spelling.hpp"
#include "search/stored_fields.hpp"

namespace cairn::search {
namespace {

// Matches counted exactly before totals and facets become estimates ("about N results").
constexpr Xapian::doccount kExactCountLimit = 100;

const std::string kIdPrefix = "Q";
// The page a document belongs to (its url without the #anchor), as a term for finding a
// page's sections and as a value the matcher collapses on: one result per page.
const std::string kPagePrefix = "XP";
constexpr Xapian::valueno kPageSlot = 0;
const std::string kTypePrefix = "XT";
const std::string kTitlePrefix = "S";
// Words (and "Z" stems) of trusted documents: what spelling correction may offer.
const std::string kVocabularyPrefix = "V";
// Synonym groups as single terms: a document holds kConceptPrefix + group number for each
// mention of a member of the group (its wdf grows with the field's weight, as the words' own
// terms do), and kTitleConceptPrefix + number for each mention in its title. A query for a
// member then reads one posting list instead of checking every member phrase in every
// candidate document. Group numbers are digits, so the two prefixes cannot be confused.
const std::string kConceptPrefix = "XC";
const std::string kTitleConceptPrefix = "XCS";
const std::string kSchemaKey = "cairn.search.schema";
// Bump when the way documents are indexed changes: older indexes are then rebuilt. The
// stored marker also holds a digest of the synonym groups, since documents hold group numbers.
// 2: synonym groups indexed as concept terms. 3: the page of each document, for grouping.
// 4: page text with a line between blocks, so snippets can start at a sentence.
const std::string kSchemaVersion = "4";

// A word in a title counts as much as five in the body.
constexpr Xapian::termcount kTitleWeight = 5;
constexpr Xapian::termcount kKeywordWeight = 3;
constexpr Xapian::termcount kPageTitleWeight = 2;
constexpr Xapian::termcount kSummaryWeight = 2;
constexpr Xapian::termcount kBodyWeight = 1;
constexpr double kTitleBonus = 0.5;          // tuned on tests/data/search/relevance.tsv
constexpr std::size_t kMinPrefixLength = 4;  // shorter unknown words are not taken as prefixes
constexpr Xapian::termcount kPrefixExpansions = 20;
constexpr std::size_t kCompletionCandidates = 20;  // checked against the words typed before
constexpr Xapian::termpos kFieldGap = 100;  // so a phrase never runs from one field into the next
constexpr std::size_t kSnippetBytes = 220;
constexpr int kMaxPageSize = 50;
constexpr int kMaxPage = 1000;
// Showing the corrected query's results even though the query had some: when it finds this
// many times more (a misspelling in one forum post must not hide the pages).
constexpr std::size_t kCorrectionAdvantage = 4;
// A word the index knows from this few documents at most may still be a misspelling (a trial
// record's "leptomeningal"), when a close word is in this many times more of them.
constexpr Xapian::doccount kRareWordDocuments = 3;
constexpr Xapian::doccount kRareWordAdvantage = 10;
// A page's result lists this many of its best matching sections.
constexpr Xapian::doccount kSectionsPerPage = 3;
// With no type asked, this many of each other type's results are shown beside the pages.
constexpr Xapian::doccount kOthersShown = 3;
// What a search with no type asked lists as its results: the rest are shown apart.
const std::string kFirstType = "pages";

// Anyone can write forum posts, misspellings included, so their words are never offered as
// corrections.
bool trusted_for_spelling(const std::string& type) {
  return type != "forum";
}

// A stable hash (FNV-1a), continued from `hash`.
constexpr std::uint64_t kHashStart = 14695981039346656037ull;
std::uint64_t hash_bytes(std::string_view bytes, std::uint64_t hash = kHashStart) {
  for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ull;
  return hash;
}

std::string hex(std::uint64_t value) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int shift = 60; shift >= 0; shift -= 4) out += kHex[(value >> shift) & 0xF];
  return out;
}

// A term made of prefix and text. Xapian terms are limited to about 245 bytes, so a long
// text is cut and given a stable hash of the whole.
std::string bounded_term(const std::string& prefix, const std::string& text) {
  if (text.size() <= 160)
    return prefix + text;
  return prefix + text.substr(0, 140) + "#" + hex(hash_bytes(text));
}

// The unique term of a document id.
std::string id_term(const std::string& id) {
  return bounded_term(kIdPrefix, id);
}

// The page a url is on: the url without its #anchor.
std::string page_of(const std::string& url) {
  return url.substr(0, url.find('#'));
}

bool is_section(const std::string& url) {
  return url.find('#') != std::string::npos;
}

// What an index is marked with: the schema version and a digest of the synonym groups. An
// index marked otherwise was written by other code or with other groups, and is rebuilt.
std::string schema_marker(const Synonyms& synonyms) {
  std::uint64_t hash = kHashStart;
  for (std::size_t g = 0; g < synonyms.group_count(); ++g) {
    for (const auto& phrase : synonyms.group(g)) hash = hash_bytes(phrase.text + "\n", hash);
    hash = hash_bytes("\x1e", hash);
  }
  return kSchemaVersion + ":" + hex(hash);
}

std::string concept_term(const std::string& prefix, std::size_t group) {
  return prefix + std::to_string(group);
}

// A type filter is a short lower-case word; anything else means no filter.
std::string clean_type(std::string_view type) {
  type = trim(type);
  bool word = !type.empty() && type.size() <= 20 &&
              std::all_of(type.begin(), type.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  return word ? std::string(type) : std::string();
}

// The title-only term for an index term: "Zstem" -> "ZSstem", "word" -> "Sword".
std::string title_term(const std::string& term) {
  if (!term.empty() && term.front() == 'Z')
    return "Z" + kTitlePrefix + term.substr(1);
  return kTitlePrefix + term;
}

// A term that is a plain word: lower case letters (and apostrophes), no digits, no prefix.
bool is_plain_word(std::string_view term) {
  if (term.size() < 3 || !starts_with_letter(term))
    return false;
  if (term.front() >= 'A' && term.front() <= 'Z')
    return false;
  return std::none_of(term.begin(), term.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string type_label(const std::string& type) {
  if (type == "pages")
    return "information pages";
  if (type == "trials")
    return "clinical trials";
  if (type == "forum")
    return "forum posts";
  return type;
}

int type_rank(const std::string& type) {
  if (type == "pages")
    return 0;
  if (type == "trials")
    return 1;
  return 2;
}

std::string quoted(const std::string& text) {
  return "\u201c" + text + "\u201d";
}

struct Reader {
  explicit Reader(Xapian::Database database) : db(std::move(database)) {}
  Xapian::Database db;
  // A database with no documents: snippets take the words to highlight from an MSet, and one
  // from here costs no index reads (see highlighting()).
  Xapian::Database no_documents{
      Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY)};
  Xapian::Stem stem = remembering_stemmer();  // Stem objects are not thread-safe: one per reader
  std::uint64_t generation = 0;               // of the index this reader sees
  std::uint64_t vocabulary_generation = 0;    // of the spelling vocabulary in it
  // Each type's documents (ascending docids), for counting matches per type (TypeCounter).
  // Read from the index when first needed after the database is (re)opened. Kept by type, not
  // in a table by docid: docids only grow as documents are replaced.
  std::vector<std::pair<std::string, std::vector<Xapian::docid>>> types;
  // (docid, page number) for each document on an information page, by docid: the matcher
  // shows a match spy every document before collapsing, so TypeCounter counts a page once.
  std::vector<std::pair<Xapian::docid, std::size_t>> page_of_doc;
  std::size_t page_count = 0;
  bool types_read = false;
};

void read_types(Reader& r) {
  if (r.types_read)
    return;
  r.types.clear();
  for (auto t = r.db.allterms_begin(kTypePrefix); t != r.db.allterms_end(kTypePrefix); ++t) {
    auto& docs =
        r.types.emplace_back((*t).substr(kTypePrefix.size()), std::vector<Xapian::docid>{}).second;
    docs.reserve(t.get_termfreq());
    for (auto p = r.db.postlist_begin(*t); p != r.db.postlist_end(*t); ++p) docs.push_back(*p);
  }
  r.page_of_doc.clear();
  r.page_count = 0;
  for (auto t = r.db.allterms_begin(kPagePrefix); t != r.db.allterms_end(kPagePrefix);
       ++t, ++r.page_count) {
    for (auto p = r.db.postlist_begin(*t); p != r.db.postlist_end(*t); ++p)
      r.page_of_doc.emplace_back(*p, r.page_count);
  }
  std::sort(r.page_of_doc.begin(), r.page_of_doc.end());
  r.types_read = true;
}

// Counts the results the matcher shows it per type (the documents of one page as one), from
// the reader's lists of each type's documents: a ValueCountMatchSpy on a type value reads each
// document's value from the index, which cost a good part of a search.
class TypeCounter : public Xapian::MatchSpy {
 public:
  explicit TypeCounter(const Reader& r)
      : reader_(r), counts_(r.types.size(), 0), page_seen_(r.page_count, false) {}
  void operator()(const Xapian::Document& doc, double) override {
    Xapian::docid id = doc.get_docid();
    auto page = std::lower_bound(reader_.page_of_doc.begin(), reader_.page_of_doc.end(),
                                 std::make_pair(id, std::size_t{0}));
    if (page != reader_.page_of_doc.end() && page->first == id) {
      if (page_seen_[page->second])
        return;
      page_seen_[page->second] = true;
    }
    ++seen_;
    for (std::size_t i = 0; i < reader_.types.size(); ++i) {
      const auto& docs = reader_.types[i].second;
      if (std::binary_search(docs.begin(), docs.end(), id)) {
        ++counts_[i];
        return;
      }
    }
  }
  std::size_t seen() const { return seen_; }
  // (type, matches counted) for each type with some.
  std::vector<std::pair<std::string, std::size_t>> counts() const {
    std::vector<std::pair<std::string, std::size_t>> out;
    for (std::size_t i = 0; i < counts_.size(); ++i) {
      if (counts_[i] > 0)
        out.emplace_back(reader_.types[i].first, counts_[i]);
    }
    return out;
  }

 private:
  const Reader& reader_;
  std::vector<std::size_t> counts_;
  std::vector<bool> page_seen_;
  std::size_t seen_ = 0;
};

// One part of a query that documents must match: a word, a quoted phrase, or a synonym group.
struct Concept {
  Xapian::Query query;
  Xapian::Query in_title;     // the same in titles only: a bonus, as few titles have a given word
  Xapian::Query in_text;      // the words it stands for in text: what snippets highlight
  bool known = false;         // some document has it
  bool stopword = false;      // a lone function word
  bool exact_phrase = false;  // quoted words
};

struct Outcome {
  Xapian::MSet mset;
  std::size_t total = 0;      // matches of the requested type
  std::size_t total_all = 0;  // matches of any type
  std::map<std::string, std::size_t> facets;
  bool strict = false;                         // every meaningful word matched together
  Xapian::Query in_text;                       // the words matched, for snippets
  Xapian::Query query;                         // what the results matched, whatever their type
  std::map<std::string, Xapian::MSet> others;  // with no type asked: other types' best
};

}  // namespace

struct SearchIndex::Impl {
  Impl(std::filesystem::path directory, Xapian::WritableDatabase database, Synonyms syns,
       bool rebuild)
      : dir(std::move(directory)),
        memory(dir.empty()),
        synonyms(std::move(syns)),
        schema(schema_marker(synonyms)),
        writer(std::move(database)),
        needs_rebuild(rebuild) {
    termgen.set_stemmer(write_stem);
    termgen.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    for (std::size_t g = 0; g < synonyms.group_count(); ++g) {
      for (const auto& phrase : synonyms.group(g)) {
        synonym_terms.insert(phrase.terms.begin(), phrase.terms.end());
      }
    }
  }

  // A reader for the duration of one search. In memory there is only the writer's database,
  // so the lease holds the write lock; on disk each lease has a database of its own.
  // `exclusive` also holds the write lock, so no change can overtake the reader.
  class Lease {
   public:
    Lease(Impl& impl, bool exclusive) : impl_(impl) {
      if (impl.memory || exclusive)
        lock_ = std::unique_lock<std::mutex>(impl.write_mutex);
      reader_ = impl.take_reader();
      // The reverse of the order write() bumps them in: the index read is never older than
      // the vocabulary generation claimed for it.
      reader_->vocabulary_generation = impl.vocabulary_generation.load(std::memory_order_acquire);
      std::uint64_t generation = impl.generation.load(std::memory_order_acquire);
      if (exclusive || reader_->generation != generation) {
        reader_->db.reopen();
        reader_->generation = generation;
        reader_->types_read = false;
      }
    }
    ~Lease() { impl_.give_back(std::move(reader_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Reader& operator*() { return *reader_; }
    Reader* operator->() { return reader_.get(); }

   private:
    Impl& impl_;
    std::unique_lock<std::mutex> lock_;
    std::unique_ptr<Reader> reader_;
  };

  // Runs fn with a reader. When the writer committed twice while fn read, glass reports
  // DatabaseModifiedError, or, when it read a block the writer was rewriting at that moment,
  // DatabaseCorruptError "Db block overwritten" (Xapian 1.4 does so under load): fn runs
  // again on the reopened index. The
  // last try holds the write lock, so no writer can disturb it (an error then is real) and a
  // busy writer cannot starve searches.
  template <class Fn>
  auto with_reader(Fn&& fn) {
    constexpr int kAttempts = 3;
    for (int attempt = 1;; ++attempt) {
      try {
        Lease r(*this, attempt == kAttempts);
        return fn(*r);
      } catch (const Xapian::DatabaseError&) {
        if (attempt == kAttempts)
          throw;
      }
    }
  }

  std::unique_ptr<Reader> take_reader() {
    {
      std::lock_guard lock(pool_mutex);
      if (!idle.empty()) {
        auto reader = std::move(idle.back());
        idle.pop_back();
        return reader;
      }
    }
    if (memory)
      return std::make_unique<Reader>(Xapian::Database(writer));
    return std::make_unique<Reader>(Xapian::Database(dir.string()));
  }

  void give_back(std::unique_ptr<Reader> reader) {
    std::lock_guard lock(pool_mutex);
    idle.push_back(std::move(reader));
  }

  // ---- writing ----

  // Counts the mentions of synonym group members in text into wdf, `weight` each. Mentions
  // of one group that overlap ("ommaya reservoir" holds "reservoir") count once.
  void count_concepts(const std::string& text, Xapian::termcount weight,
                      std::map<std::size_t, Xapian::termcount>& wdf) {
    if (text.empty() || synonyms.group_count() == 0)
      return;
    std::vector<std::string> words, terms;
    for (auto& token : tokenize(text)) {
      terms.push_back(stemmed_term(write_stem, token.word));
      words.push_back(std::move(token.word));
    }
    std::map<std::size_t, std::size_t> mention_end;  // group -> end of its last mention
    for (std::size_t i = 0; i < words.size(); ++i) {
      for (const auto& match : synonyms.matches_at(words, terms, i)) {
        auto [end, fresh] = mention_end.try_emplace(match.group, 0);
        if (!fresh && i < end->second)
          continue;
        end->second = i + match.length;
        wdf[match.group] += weight;
      }
    }
  }

  Xapian::Document build(const Document& d) {
    Xapian::Document doc;
    termgen.set_document(doc);
    std::map<std::size_t, Xapian::termcount> concepts, title_concepts;
    auto field = [&](const std::string& text, Xapian::termcount weight) {
      if (text.empty())
        return;
      termgen.index_text(text, weight);
      termgen.increase_termpos(kFieldGap);
      count_concepts(text, weight, concepts);
    };
    field(d.title, kTitleWeight);
    field(d.page_title, kPageTitleWeight);
    for (const auto& keyword : d.keywords) field(keyword, kKeywordWeight);
    // A section carries its page's summary for display; it says nothing about the section.
    if (d.page_title.empty())
      field(d.summary, kSummaryWeight);
    field(d.body, kBodyWeight);
    termgen.index_text_without_positions(d.title, 1, kTitlePrefix);
    count_concepts(d.title, 1, title_concepts);

    if (trusted_for_spelling(d.type)) {
      std::vector<std::string> vocabulary;
      for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const std::string& term = *t;
        bool stem = term.size() > 1 && term[0] == 'Z' && term[1] != 'S';
        if (stem || is_plain_word(term))
          vocabulary.push_back(kVocabularyPrefix + term);
      }
      for (const auto& term : vocabulary) doc.add_boolean_term(term);
    }
    for (const auto& [group, wdf] : concepts)
      doc.add_term(concept_term(kConceptPrefix, group), wdf);
    for (const auto& [group, wdf] : title_concepts)
      doc.add_term(concept_term(kTitleConceptPrefix, group), wdf);
    std::string id = d.id.empty() ? d.url : d.id;
    doc.add_boolean_term(id_term(id));
    doc.add_boolean_term(kTypePrefix + d.type);
    if (d.type == "pages") {
      // Only pages have sections: trials and threads (hundreds of thousands) need no page.
      std::string page = page_of(d.url);
      doc.add_boolean_term(bounded_term(kPagePrefix, page));
      doc.add_value(kPageSlot, page);
    }
    StoredFields stored{valid_utf8(d.type),       valid_utf8(d.url),     valid_utf8(d.title),
                        valid_utf8(d.page_title), valid_utf8(d.summary), valid_utf8(d.body),
                        valid_utf8(d.status)};
    doc.set_data(stored.encode());
    return doc;
  }

  // Applies a change atomically (a transaction on disk; in memory the write lock is held by
  // every reader, so nobody sees a half-done change) and makes readers reopen.
  template <class Change>
  void write(bool vocabulary_changes, Change&& change) {
    std::lock_guard lock(write_mutex);
    if (!memory)
      writer.begin_transaction();
    try {
      change();
      writer.set_metadata(kSchemaKey, schema);
      if (!memory)
        writer.commit_transaction();
    } catch (...) {
      if (!memory) {
        try {
          writer.cancel_transaction();
        } catch (const Xapian::Error&) {
          // The original failure is the one to report.
        }
      }
      throw;
    }
    generation.fetch_add(1, std::memory_order_release);
    if (vocabulary_changes)
      vocabulary_generation.fetch_add(1, std::memory_order_release);
  }

  void add_all(const std::vector<Document>& docs) {
    for (const auto& d : docs) {
      if (d.id.empty() && d.url.empty())
        continue;  // nothing to lead to
      std::string id = id_term(d.id.empty() ? d.url : d.id);
      // replace_document() looks the id up through a posting list, which makes glass flush
      // every position list it holds; most documents are new, and term_exists() sees pending
      // changes without a flush.
      if (writer.term_exists(id))
        writer.replace_document(id, build(d));
      else
        writer.add_document(build(d));
    }
  }

  // ---- searching ----

  bool term_known(Reader& r, const std::string& term) { return r.db.term_exists(term); }

  std::vector<Concept> plan(Reader& r, const std::string& text, const std::vector<Token>& tokens) {
    // Balanced double quotes mark exact phrases; unbalanced ones are ignored.
    std::vector<std::pair<std::size_t, std::size_t>> quotes;
    std::vector<std::size_t> marks;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '"')
        marks.push_back(i);
    }
    if (marks.size() % 2 == 0) {
      for (std::size_t i = 0; i + 1 < marks.size(); i += 2)
        quotes.emplace_back(marks[i], marks[i + 1]);
    }
    auto quote_of = [&](const Token& t) -> int {
      for (std::size_t q = 0; q < quotes.size(); ++q) {
        if (t.begin > quotes[q].first && t.end <= quotes[q].second)
          return static_cast<int>(q);
      }
      return -1;
    };

    std::vector<std::string> words, terms;
    words.reserve(tokens.size());
    terms.reserve(tokens.size());
    for (const auto& t : tokens) {
      words.push_back(t.word);
      terms.push_back(stemmed_term(r.stem, t.word));
    }

    std::vector<Concept> concepts;
    for (std::size_t i = 0; i < tokens.size();) {
      Concept c;
      int quote = quote_of(tokens[i]);
      if (quote >= 0) {
        std::vector<Xapian::Query> exact, in_title;
        c.known = true;
        std::size_t j = i;
        for (; j < tokens.size() && quote_of(tokens[j]) == quote; ++j) {
          exact.emplace_back(tokens[j].word);
          in_title.emplace_back(kTitlePrefix + tokens[j].word);
          c.known = c.known && term_known(r, tokens[j].word);
        }
        c.in_title = Xapian::Query(Xapian::Query::OP_AND, in_title.begin(), in_title.end());
        c.query = exact.size() == 1 ? exact.front()
                                    : Xapian::Query(Xapian::Query::OP_PHRASE, exact.begin(),
                                                    exact.end(), exact.size());
        c.in_text = c.query;
        c.exact_phrase = true;
        concepts.push_back(std::move(c));
        i = j;
        continue;
      }
      auto match = synonyms.longest_match(words, terms, i);
      if (match) {
        for (std::size_t k = i; k < i + match->length; ++k) {
          if (quote_of(tokens[k]) >= 0)
            match.reset();
        }
      }
      if (match) {
        std::string concept_words = concept_term(kConceptPrefix, match->group);
        c.query = Xapian::Query(concept_words);
        c.in_title = Xapian::Query(concept_term(kTitleConceptPrefix, match->group));
        c.in_text = member_words(match->group);
        c.known = term_known(r, concept_words);
        concepts.push_back(std::move(c));
        i += match->length;
        continue;
      }
      c.query = Xapian::Query(terms[i]);
      c.in_title = Xapian::Query(title_term(terms[i]));
      c.known = term_known(r, terms[i]);
      c.stopword = is_stopword(tokens[i].word);
      if (!c.known && !c.stopword && is_plain_word(tokens[i].word) &&
          tokens[i].word.size() >= kMinPrefixLength) {
        // An unknown word may be the start of one ("lepto"): search for the words it begins.
        const std::string& word = tokens[i].word;
        auto next = r.db.allterms_begin(word);
        if (next != r.db.allterms_end(word)) {
          c.query = Xapian::Query(Xapian::Query::OP_WILDCARD, word, kPrefixExpansions,
                                  Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
          c.in_title =
              Xapian::Query(Xapian::Query::OP_WILDCARD, kTitlePrefix + word, kPrefixExpansions,
                            Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
          c.known = true;
        }
      }
      c.in_text = c.query;
      concepts.push_back(std::move(c));
      ++i;
    }
    // Function words only count when there is nothing else ("the who").
    bool meaningful =
        std::any_of(concepts.begin(), concepts.end(), [](const Concept& c) { return !c.stopword; });
    if (meaningful) {
      std::erase_if(concepts, [](const Concept& c) { return c.stopword; });
    }
    return concepts;
  }

  // The members of a synonym group as they appear in text, for snippets to highlight: one-word
  // members by their stems, the others as exact phrases of the words as written. Only
  // snippet() reads it; documents are matched by the group's concept term.
  Xapian::Query member_words(std::size_t group) {
    std::vector<Xapian::Query> alternatives;
    std::set<std::vector<std::string>> seen;  // "nurse" and "nurses" are one term
    for (const auto& phrase : synonyms.group(group)) {
      const auto& needed = phrase.terms.size() == 1 ? phrase.terms : phrase.words;
      if (!seen.insert(needed).second)
        continue;
      if (phrase.terms.size() == 1) {
        alternatives.emplace_back(phrase.terms.front());
      } else {
        std::vector<Xapian::Query> exact(phrase.words.begin(), phrase.words.end());
        alternatives.emplace_back(Xapian::Query::OP_PHRASE, exact.begin(), exact.end(),
                                  exact.size());
      }
    }
    return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
  }

  // Whether no document can match every concept (one is a word no document has), while each
  // known concept surely matches some document (a quoted phrase of known words may match
  // none). Then execute() would find some documents exactly when some concept is known, and
  // never all concepts together.
  static bool surely_partial(const std::vector<Concept>& concepts) {
    bool unknown =
        std::any_of(concepts.begin(), concepts.end(), [](const Concept& c) { return !c.known; });
    bool phrase = std::any_of(concepts.begin(), concepts.end(),
                              [](const Concept& c) { return c.exact_phrase; });
    return unknown && !phrase;
  }

  // All known concepts together first; when no document has them all, any of them (ranked by
  // how many and how rare).
  Outcome execute(Reader& r, const std::vector<Concept>& concepts, const std::string& type,
                  Xapian::doccount offset, Xapian::doccount size) {
    Outcome out;
    std::vector<Xapian::Query> known, in_title, in_text;
    for (const auto& c : concepts) {
      if (!c.known)
        continue;
      known.push_back(c.query);
      in_title.push_back(c.in_title);
      in_text.push_back(c.in_text);
    }
    if (known.empty())
      return out;
    out.in_text = Xapian::Query(Xapian::Query::OP_OR, in_text.begin(), in_text.end());
    // Few titles share a word, so title-only terms weigh a lot: half is enough to lift a
    // section about the words above one that merely mentions them.
    Xapian::Query title_bonus(Xapian::Query::OP_SCALE_WEIGHT,
                              Xapian::Query(Xapian::Query::OP_OR, in_title.begin(), in_title.end()),
                              kTitleBonus);
    // Counting every match exactly costs time in proportion to the matches; past this many
    // the totals and facet counts are Xapian's estimates, scaled from the ones it checked.
    Xapian::doccount check = std::min<Xapian::doccount>(r.db.get_doccount(), kExactCountLimit);
    const std::string& shown = type.empty() ? kFirstType : type;

    auto run = [&](Xapian::Query::op op) {
      Xapian::Query query(Xapian::Query::OP_AND_MAYBE,
                          Xapian::Query(op, known.begin(), known.end()), title_bonus);
      Xapian::Enquire enquire(r.db);
      enquire.set_query(query);
      enquire.set_collapse_key(kPageSlot);
      read_types(r);
      TypeCounter spy(r);
      enquire.add_matchspy(&spy);
      // Asking for no documents would make the matcher count every match with the spy.
      out.mset = enquire.get_mset(0, size, check);
      out.total_all = out.mset.get_matches_estimated();
      out.facets.clear();
      double seen = static_cast<double>(spy.seen());
      double scale = seen > 0 && out.total_all > seen ? out.total_all / seen : 1.0;
      for (const auto& [name, count] : spy.counts()) {
        out.facets[name] = static_cast<std::size_t>(static_cast<double>(count) * scale + 0.5);
      }
      return query;
    };
    Xapian::Query query = run(Xapian::Query::OP_AND);
    out.strict = known.size() == concepts.size() && out.total_all > 0;
    if (out.total_all == 0 && known.size() > 1)
      query = run(Xapian::Query::OP_OR);
    out.query = query;
    if (out.total_all == 0)
      return out;
    auto of_type = [&](const std::string& t, Xapian::doccount from, Xapian::doccount count) {
      Xapian::Enquire enquire(r.db);
      enquire.set_collapse_key(kPageSlot);
      enquire.set_query(
          Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(kTypePrefix + t)));
      return enquire.get_mset(from, count, check);
    };
    out.mset = of_type(shown, offset, size);
    out.total = out.mset.get_matches_estimated();
    if (type.empty()) {
      for (const auto& [other, count] : out.facets) {
        if (other != shown)
          out.others.emplace(other, of_type(other, 0, kOthersShown));
      }
    }
    return out;
  }

  // The results in mset, with snippets highlighting `words` (from highlighting()); each
  // page with its sections that match `query`.
  std::vector<Hit> hits_of(Reader& r, const Xapian::MSet& words, const Xapian::Query& query,
                           const Xapian::MSet& mset) {
    std::vector<Hit> out;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      auto fields = StoredFields::decode(it.get_document().get_data());
      if (!fields)
        continue;
      Hit hit;
      hit.type = fields->type;
      bool page = fields->type == "pages";
      hit.title = fields->page_title.empty() ? fields->title : fields->page_title;
      hit.url = page ? page_of(fields->url) : fields->url;
      hit.score = it.get_weight();
      hit.status = fields->status;
      if (hit.status.empty())
        hit.snippet = snippet_for(r, words, *fields);
      if (page && (it.get_collapse_count() > 0 || is_section(fields->url)))
        hit.sections = sections_of(r, query, hit.url);
      out.push_back(std::move(hit));
    }
    return out;
  }

  // The sections of the page at `page` that match `query`, best first.
  std::vector<SectionHit> sections_of(Reader& r, const Xapian::Query& query,
                                      const std::string& page) {
    Xapian::Enquire enquire(r.db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                    Xapian::Query(bounded_term(kPagePrefix, page))));
    // One more than wanted: the page's own introduction may be among them.
    Xapian::MSet mset = enquire.get_mset(0, kSectionsPerPage + 1);
    std::vector<SectionHit> out;
    for (auto it = mset.begin(); it != mset.end() && out.size() < kSectionsPerPage; ++it) {
      auto fields = StoredFields::decode(it.get_document().get_data());
      if (fields && is_section(fields->url))
        out.push_back(SectionHit{std::move(fields->title), std::move(fields->url)});
    }
    return out;
  }

  std::shared_ptr<const SpellingCorrector> spelling(Reader& r) {
    std::lock_guard lock(spelling_mutex);
    // Forum posts do not change the vocabulary, so most writes keep it.
    if (spelling_words && spelling_generation >= r.vocabulary_generation)
      return spelling_words;
    auto corrector = std::make_shared<SpellingCorrector>();
    std::set<std::string> seen;
    for (auto t = r.db.allterms_begin(kVocabularyPrefix); t != r.db.allterms_end(kVocabularyPrefix);
         ++t) {
      std::string word = (*t).substr(kVocabularyPrefix.size());
      if (!is_plain_word(word))
        continue;
      corrector->add(word, t.get_termfreq());
      seen.insert(word);
    }
    for (const auto& word : synonyms.words()) {
      if (is_plain_word(word) && !seen.count(word))
        corrector->add(word, 1);
    }
    spelling_words = std::move(corrector);
    spelling_generation = r.vocabulary_generation;
    return spelling_words;
  }

  bool word_known(Reader& r, const std::string& word) {
    std::string stemmed = stemmed_term(r.stem, word);
    return r.db.term_exists(kVocabularyPrefix + word) ||
           r.db.term_exists(kVocabularyPrefix + stemmed) ||
           std::binary_search(synonyms.words().begin(), synonyms.words().end(), word) ||
           synonym_terms.count(stemmed) > 0;
  }

  // "chemotherapies" for "chemotherapy", "headaches" for "headache": the same word with an
  // ending of its own, not a slip of the fingers.
  static bool inflected(std::string_view typed, std::string_view word) {
    if (typed.starts_with(word) || word.starts_with(typed))
      return true;
    for (std::string_view ending : {"s", "es", "ies", "ed", "ing", "ly", "er"}) {
      if (typed.ends_with(ending))
        return true;
    }
    return false;
  }

  Xapian::doccount vocabulary_documents(Reader& r, const std::string& word) {
    return r.db.get_termfreq(kVocabularyPrefix + word);
  }

  // The query with each unknown word replaced by the closest known one, if any was; and
  // each rare word too, when a close word is far more common (`rare_only` then says that
  // every replaced word was one the index knew: the caller offers the correction only if
  // it finds clearly better results; `sure` that every replacement kept its word's first
  // letter, which people rarely get wrong: only then are the corrected results shown in
  // place of the query's, since a guessed first letter can turn one drug into another,
  // "rituximab" into "cetuximab").
  std::optional<std::string> correction(Reader& r, const std::string& text,
                                        const std::vector<Token>& tokens, bool& rare_only,
                                        bool& sure) {
    std::string out = text;
    bool changed = false;
    rare_only = true;
    sure = true;
    std::shared_ptr<const SpellingCorrector> corrector;
    for (auto t = tokens.rbegin(); t != tokens.rend(); ++t) {
      if (!is_plain_word(t->word) || is_stopword(t->word))
        continue;
      const std::string& word = t->word;
      bool typed_known = r.db.term_exists(kVocabularyPrefix + word) ||
                         std::binary_search(synonyms.words().begin(), synonyms.words().end(), word);
      Xapian::doccount seen = typed_known ? vocabulary_documents(r, word) : 0;
      if (typed_known && (seen == 0 || seen > kRareWordDocuments))
        continue;  // known from the synonyms, or common enough to be meant
      if (!corrector)
        corrector = spelling(r);
      auto better = corrector->correct(word);
      if (!better)
        continue;
      // A word with the same stem is mostly the same word in another form ("headaches"), not
      // a misspelling; but a word never written so, whose stem only matches ("leptomeningal"
      // for "leptomeningeal"), is one: it finds the same results, and is offered as a
      // suggestion.
      if (r.stem(*better) == r.stem(word) && (typed_known || inflected(word, *better)))
        continue;
      if (typed_known && vocabulary_documents(r, *better) < kRareWordAdvantage * seen)
        continue;
      out.replace(t->begin, t->end - t->begin, *better);
      changed = true;
      rare_only = rare_only && typed_known;
      sure = sure && better->front() == word.front();
    }
    if (!changed)
      return std::nullopt;
    return out;
  }

  // An MSet whose snippets highlight the words of `in_text`: snippet() takes them from the
  // query the MSet was made by. Made over no documents, it reads nothing from the index (a
  // synonym group's words alone would take hundreds of lookups); the words then all weigh
  // the same when the passage with the most of them is chosen.
  static Xapian::MSet highlighting(Reader& r, const Xapian::Query& in_text) {
    Xapian::Enquire enquire(r.no_documents);
    enquire.set_query(in_text);
    return enquire.get_mset(0, 0);
  }

  // words: from highlighting(). With no matched word in the body or the summary, the start of
  // the summary (or body) is shown.
  SafeHtml snippet_for(Reader& r, const Xapian::MSet& words, const StoredFields& fields) {
    std::string body = without_markers(fields.body);
    std::string summary = without_markers(fields.summary);
    // Exhaustive: otherwise Xapian may settle on a passage before the first match. No
    // background model here: it would look up every word of the text in the index.
    const unsigned matched_only =
        Xapian::MSet::SNIPPET_EXHAUSTIVE | Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH;
    const std::string start(kHighlightStart), end(kHighlightEnd), omit("\u2026");
    for (const std::string* text : {&body, &summary}) {
      std::string s = words.snippet(*text, kSnippetBytes, r.stem, matched_only, start, end, omit);
      if (!s.empty())
        return snippet_html(from_sentence_start(s, *text, kSnippetBytes / 2));
    }
    return leading_html(summary.empty() ? body : summary, kSnippetBytes);
  }

  SearchResponse search(const SearchRequest& request) {
    SearchResponse response;
    response.page_size = std::clamp(request.page_size, 1, kMaxPageSize);
    response.page = std::clamp(request.page, 1, kMaxPage);
    CleanQuery clean = clean_query(request.query);
    response.query = clean.text;
    std::string prefix_notice =
        clean.truncated ? "Your search was shortened to its first words. " : "";
    std::vector<Token> tokens = tokenize(clean.text);
    if (tokens.empty()) {
      response.notice = prefix_notice +
                        "Type a word or two to search for, for example \u201ctreatment\u201d or "
                        "\u201cCSF\u201d.";
      return response;
    }
    std::string type = clean_type(request.type);
    auto offset = static_cast<Xapian::doccount>((response.page - 1) * response.page_size);
    auto size = static_cast<Xapian::doccount>(response.page_size);

    try {
      return with_reader([&](Reader& r) {
        SearchResponse out = response;
        std::vector<Concept> concepts = plan(r, clean.text, tokens);
        bool rare_only = false;
        bool sure = false;
        out.corrected = correction(r, clean.text, tokens, rare_only, sure);
        std::optional<Outcome> fixed;
        if (out.corrected) {
          fixed = execute(r, plan(r, *out.corrected, tokenize(*out.corrected)), type, offset, size);
        }
        Outcome outcome;
        bool original_found = false;
        if (sure && fixed && fixed->strict && fixed->total_all > 0 && surely_partial(concepts)) {
          // The corrected query finds documents with all its words and the query itself
          // cannot: the corrected results are shown whatever the query finds, so it is not run.
          original_found = std::any_of(concepts.begin(), concepts.end(),
                                       [](const Concept& c) { return c.known; });
          outcome = std::move(*fixed);
          out.showing_corrected = true;
        } else {
          outcome = execute(r, concepts, type, offset, size);
          original_found = outcome.total_all > 0;
          bool better =
              sure && fixed && fixed->total_all > 0 &&
              (outcome.total_all == 0 || (fixed->strict && !outcome.strict) ||
               (fixed->strict && fixed->total_all >= kCorrectionAdvantage * outcome.total_all));
          if (better) {
            outcome = std::move(*fixed);
            out.showing_corrected = true;
          } else if (rare_only && fixed) {
            // A rare word the index knows, whose correction finds nothing clearly better: it
            // was meant. Clearly better is many more results, or information pages where
            // the words as typed found none.
            auto pages = [](const Outcome& o) {
              auto it = o.facets.find(kFirstType);
              return it != o.facets.end() && it->second > 0;
            };
            bool pages_instead = !pages(outcome) && pages(*fixed);
            if (!pages_instead &&
                fixed->total_all <
                    kCorrectionAdvantage * std::max<std::size_t>(1, outcome.total_all))
              out.corrected.reset();
          }
        }
        out.total = outcome.total;
        out.facets = outcome.facets;
        Xapian::MSet words;
        if (outcome.total_all > 0)
          words = highlighting(r, outcome.in_text);
        out.results = hits_of(r, words, outcome.query, outcome.mset);
        for (const auto& [other, mset] : outcome.others)
          out.others[other] = hits_of(r, words, outcome.query, mset);
        out.notice =
            prefix_notice + notice_for(out, original_found, type.empty() ? kFirstType : type);
        return out;
      });
    } catch (const Xapian::Error& e) {
      std::cerr << "search: " << e.get_type() << ": " << e.get_msg() << "\n";
      response.notice = "Search is not working right now. Please try again later.";
      return response;
    }
  }

  static std::string notice_for(const SearchResponse& response, bool original_found,
                                const std::string& type) {
    if (response.showing_corrected) {
      if (!original_found) {
        return "No results for " + quoted(response.query) + ", so these are results for " +
               quoted(*response.corrected) + ".";
      }
      return "Showing results for " + quoted(*response.corrected) + " instead of " +
             quoted(response.query) + ".";
    }
    std::size_t all = 0;
    for (const auto& [t, n] : response.facets) all += n;
    if (all == 0) {
      return "No results for " + quoted(response.query) +
             ". Check the spelling, or try fewer or different words.";
    }
    if (response.total == 0) {
      return "No " + type_label(type) + " match " + quoted(response.query) +
             ", but other kinds of result do.";
    }
    if (response.results.empty()) {
      return "There are only " + std::to_string(response.total) +
             " results; this page is past the last one.";
    }
    return "";
  }

  // Trusted words that begin with `partial`, commonest first; after other words, only those
  // found together with them, most often together first.
  std::vector<std::string> completions_of(Reader& r, const std::string& partial,
                                          const std::vector<Xapian::Query>& context) {
    std::vector<std::pair<Xapian::doccount, std::string>> found;
    std::string from = kVocabularyPrefix + partial;
    for (auto t = r.db.allterms_begin(from); t != r.db.allterms_end(from); ++t) {
      std::string word = (*t).substr(kVocabularyPrefix.size());
      if (is_plain_word(word) && !is_stopword(word))
        found.emplace_back(t.get_termfreq(), word);
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    if (found.size() > kCompletionCandidates)
      found.resize(kCompletionCandidates);
    if (!context.empty()) {
      Xapian::doccount check = std::min<Xapian::doccount>(r.db.get_doccount(), kExactCountLimit);
      for (auto& [count, word] : found) {
        std::vector<Xapian::Query> together = context;
        together.emplace_back(word);
        Xapian::Enquire enquire(r.db);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, together.begin(), together.end()));
        // Only a count is wanted: unweighted, the matcher stops after `check` matches and
        // estimates, instead of weighing every match.
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        count = enquire.get_mset(0, 0, check).get_matches_estimated();
      }
      std::erase_if(found, [](const auto& f) { return f.first == 0; });
      std::stable_sort(found.begin(), found.end(),
                       [](const auto& a, const auto& b) { return a.first > b.first; });
    }
    std::vector<std::string> out;
    for (auto& [count, word] : found) out.push_back(std::move(word));
    return out;
  }

  std::vector<std::string> suggest(std::string_view typed, std::size_t limit) {
    std::vector<std::string> out;
    if (limit == 0)
      return out;
    CleanQuery clean = clean_query(typed, 100);
    std::vector<Token> tokens = tokenize(clean.text);
    if (tokens.empty())
      return out;
    bool last_complete = tokens.back().end < clean.text.size() ||
                         (!typed.empty() && (typed.back() == ' ' || typed.back() == '\t'));
    std::string partial = last_complete ? "" : tokens.back().word;
    std::size_t partial_begin = tokens.back().begin;
    if (!last_complete)
      tokens.pop_back();
    if (partial.size() < 2 && tokens.empty())
      return out;
    // The words typed before the last one, as index terms: what titles and words must go with.
    Xapian::Stem stem(kStemLanguage);
    bool meaningful = std::any_of(tokens.begin(), tokens.end(),
                                  [](const Token& t) { return !is_stopword(t.word); });
    std::vector<Xapian::Query> context, title_parts;
    for (const auto& t : tokens) {
      if (meaningful && is_stopword(t.word))
        continue;
      std::string term = stemmed_term(stem, t.word);
      context.emplace_back(term);
      title_parts.emplace_back(title_term(term));
    }
    if (!partial.empty()) {
      title_parts.emplace_back(Xapian::Query::OP_WILDCARD, kTitlePrefix + partial, 50,
                               Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    }
    struct Title {
      int type_rank;
      bool section;  // whole pages before their sections
      std::string text;
    };
    std::vector<Title> titles;
    std::vector<std::string> words;
    try {
      with_reader([&](Reader& r) {
        titles.clear();
        words.clear();
        if (!title_parts.empty()) {
          Xapian::Enquire enquire(r.db);
          enquire.set_query(
              Xapian::Query(Xapian::Query::OP_AND, title_parts.begin(), title_parts.end()));
          Xapian::MSet mset = enquire.get_mset(0, 50);
          for (auto it = mset.begin(); it != mset.end(); ++it) {
            auto fields = StoredFields::decode(it.get_document().get_data());
            if (!fields)
              continue;
            titles.push_back(Title{type_rank(fields->type),
                                   fields->url.find('#') != std::string::npos,
                                   std::move(fields->title)});
          }
        }
        if (!partial.empty())
          words = completions_of(r, partial, context);
        return 0;
      });
    } catch (const Xapian::Error&) {
      return out;  // suggestions are a convenience: none is a fine answer
    }
    std::stable_sort(titles.begin(), titles.end(), [](const Title& a, const Title& b) {
      return std::tie(a.type_rank, a.section) < std::tie(b.type_rank, b.section);
    });

    // Phrases from the synonyms list that complete what was typed, then the words.
    std::string typed_lower = Xapian::Unicode::tolower(clean.text);
    std::vector<std::string> completions;
    for (std::size_t g = 0; g < synonyms.group_count(); ++g) {
      for (const auto& phrase : synonyms.group(g)) {
        if (phrase.text.size() > typed_lower.size() && phrase.text.starts_with(typed_lower)) {
          completions.push_back(phrase.text);
        }
      }
    }
    std::sort(completions.begin(), completions.end());
    std::string base = Xapian::Unicode::tolower(clean.text.substr(0, partial_begin));
    for (const auto& word : words) completions.push_back(base + word);

    std::set<std::string> seen;
    auto add = [&](const std::string& s) {
      if (out.size() < limit && seen.insert(Xapian::Unicode::tolower(s)).second)
        out.push_back(s);
    };
    std::size_t title_share = (limit + 1) / 2;
    for (std::size_t i = 0; i < titles.size() && out.size() < title_share; ++i) {
      add(titles[i].text);
    }
    for (const auto& c : completions) add(c);
    for (const auto& t : titles) add(t.text);
    return out;
  }

  std::filesystem::path dir;  // empty: in memory
  bool memory;
  Synonyms synonyms;
  std::string schema;  // the marker of indexes written with these synonyms
  std::unordered_set<std::string> synonym_terms;

  std::mutex write_mutex;  // the writer; in memory, every reader too
  Xapian::WritableDatabase writer;
  Xapian::Stem write_stem = remembering_stemmer();
  Xapian::TermGenerator termgen;
  std::atomic<std::uint64_t> generation{1};             // bumped by every write
  std::atomic<std::uint64_t> vocabulary_generation{1};  // by writes of trusted documents
  bool needs_rebuild;

  std::mutex pool_mutex;
  std::vector<std::unique_ptr<Reader>> idle;

  std::mutex spelling_mutex;
  std::shared_ptr<const SpellingCorrector> spelling_words;
  std::uint64_t spelling_generation = 0;
};

SearchIndex::SearchIndex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SearchIndex::~SearchIndex() = default;

Result<std::unique_ptr<SearchIndex>> SearchIndex::open(const std::filesystem::path& dir,
                                                       Synonyms synonyms) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return make_error(Errc::internal, "cannot create the search index folder " + dir.string() +
                                          ": " + ec.message());
  }
  try {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
    bool outdated = db.get_metadata(kSchemaKey) != schema_marker(synonyms);
    if (outdated && db.get_doccount() > 0) {
      db.close();
      db = Xapian::WritableDatabase(dir.string(),
                                    Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
    }
    bool rebuild = outdated || db.get_doccount() == 0;
    return std::unique_ptr<SearchIndex>(
        new SearchIndex(std::make_unique<Impl>(dir, std::move(db), std::move(synonyms), rebuild)));
  } catch (const Xapian::DatabaseLockError&) {
    return make_error(Errc::unavailable,
                      "the search index " + dir.string() + " is in use by another process");
  } catch (const Xapian::Error& e) {
    return make_error(Errc::internal, "cannot open the search index " + dir.string() + " (" +
                                          e.get_description() +
                                          "); delete the folder and run `cairn reindex`");
  }
}

std::unique_ptr<SearchIndex> SearchIndex::in_memory(Synonyms synonyms) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  return std::unique_ptr<SearchIndex>(new SearchIndex(
      std::make_unique<Impl>(std::filesystem::path(), std::move(db), std::move(synonyms), true)));
}

bool SearchIndex::needs_rebuild() const {
  return impl_->needs_rebuild;
}

void SearchIndex::replace_type(const std::string& type, const std::vector<Document>& docs) {
  impl_->write(trusted_for_spelling(type), [&] {
    impl_->writer.delete_document(kTypePrefix + type);
    impl_->add_all(docs);
  });
}

void SearchIndex::replace_all(const std::vector<Document>& docs) {
  impl_->write(true, [&] {
    std::vector<Xapian::docid> ids;
    for (auto p = impl_->writer.postlist_begin(""); p != impl_->writer.postlist_end(""); ++p) {
      ids.push_back(*p);
    }
    for (auto id : ids) impl_->writer.delete_document(id);
    impl_->add_all(docs);
  });
}

void SearchIndex::upsert(const Document& doc) {
  impl_->write(trusted_for_spelling(doc.type), [&] { impl_->add_all({doc}); });
}

void SearchIndex::upsert_all(const std::vector<Document>& docs) {
  if (docs.empty())
    return;
  bool trusted = std::any_of(docs.begin(), docs.end(),
                             [](const Document& d) { return trusted_for_spelling(d.type); });
  impl_->write(trusted, [&] { impl_->add_all(docs); });
}

void SearchIndex::remove(const std::string& id) {
  // The removed document may have been trusted: its words may leave the vocabulary.
  impl_->write(true, [&] { impl_->writer.delete_document(id_term(id)); });
}

std::size_t SearchIndex::document_count() const {
  return impl_->with_reader([](Reader& r) -> std::size_t { return r.db.get_doccount(); });
}

SearchResponse SearchIndex::search(const SearchRequest& request) const {
  return impl_->search(request);
}

std::vector<std::string> SearchIndex::suggest(std::string_view prefix, std::size_t limit) const {
  return impl_->suggest(prefix, limit);
}

nlohmann::json SearchResponse::to_json() const {
  auto hits_json = [](const std::vector<Hit>& hits) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& hit : hits) {
      nlohmann::json sections = nlohmann::json::array();
      for (const auto& section : hit.sections)
        sections.push_back({{"title", section.title}, {"url", section.url}});
      nlohmann::json item{{"type", hit.type},
                          {"title", hit.title},
                          {"url", hit.url},
                          {"snippet", hit.snippet.str()},
                          {"sections", std::move(sections)}};
      if (!hit.status.empty())
        item["status"] = hit.status;
      out.push_back(std::move(item));
    }
    return out;
  };
  nlohmann::json others_json = nlohmann::json::object();
  for (const auto& [type, hits] : others) others_json[type] = hits_json(hits);
  nlohmann::json facets_json = nlohmann::json::object();
  for (const auto& [type, count] : facets) facets_json[type] = count;
  return nlohmann::json{
      {"query", query},
      {"corrected", corrected ? nlohmann::json(*corrected) : nlohmann::json(nullptr)},
      {"showing_corrected", showing_corrected},
      {"total", total},
      {"page", page},
      {"page_size", page_size},
      {"facets", std::move(facets_json)},
      {"results", hits_json(results)},
      {"others", std::move(others_json)},
      {"notice", notice.empty() ? nlohmann::json(nullptr) : nlohmann::json(notice)},
  };
}

}  // namespace cairn::search
