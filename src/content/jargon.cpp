#include "content/jargon.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "content/field_checks.hpp"
#include "content/prose.hpp"
#include "content/readability.hpp"
#include "content/yaml_fields.hpp"
#include "core/text.hpp"

namespace cairn::content {

namespace {

bool is_word_byte(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || u >= 0x80;
}

bool all_capitals(std::string_view text) {
  bool upper = false, lower = false;
  for (char c : text) {
    upper = upper || (c >= 'A' && c <= 'Z');
    lower = lower || (c >= 'a' && c <= 'z');
  }
  return upper && !lower;
}

// "wbrt", "her2": a short single word of letters and digits, with a letter.
bool looks_like_abbreviation(std::string_view member) {
  if (member.size() < 2 || member.size() > 6)
    return false;
  bool letter = false;
  for (char c : member) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
      return false;
    letter = letter || (c >= 'a' && c <= 'z');
  }
  return letter;
}

// First letters of each word: "non-small cell lung cancer" -> "nsclc".
std::string initials(std::string_view phrase) {
  std::string out;
  bool at_start = true;
  for (char c : phrase) {
    if (c == ' ' || c == '-') {
      at_start = true;
    } else if (at_start) {
      out += c;
      at_start = false;
    }
  }
  return out;
}

// What an abbreviation stands for: the member whose initials spell it, else the first
// phrase of several words in its group.
std::string expansion_for(const std::string& abbreviation, const std::vector<std::string>& group) {
  for (const auto& member : group) {
    if (member.find(' ') != std::string::npos && initials(member) == abbreviation)
      return member;
  }
  for (const auto& member : group) {
    if (member.find(' ') != std::string::npos)
      return member;
  }
  for (const auto& member : group) {
    if (member != abbreviation)
      return member;
  }
  return {};
}

struct Pattern {
  size_t term;
  std::string text;  // lower-cased unless case_sensitive
  bool case_sensitive;
};

struct Occurrence {
  size_t pos, length, term;
};

// Every use of any pattern in the text, leftmost first, longest first where they overlap
// ("intrathecal chemotherapy" is one use, not also one of "chemotherapy").
std::vector<Occurrence> occurrences(std::string_view text, const std::vector<Pattern>& patterns) {
  const std::string lowered = to_lower_ascii(text);
  std::vector<Occurrence> found;
  for (const auto& p : patterns) {
    std::string_view hay = p.case_sensitive ? text : std::string_view(lowered);
    for (size_t at = hay.find(p.text); at != std::string_view::npos;
         at = hay.find(p.text, at + 1)) {
      size_t end = at + p.text.size();
      bool starts_inside = is_word_byte(p.text.front()) && at > 0 && is_word_byte(hay[at - 1]);
      bool ends_inside = is_word_byte(p.text.back()) && end < hay.size() && is_word_byte(hay[end]);
      if (!starts_inside && !ends_inside)
        found.push_back({at, p.text.size(), p.term});
    }
  }
  std::sort(found.begin(), found.end(), [](const Occurrence& a, const Occurrence& b) {
    return a.pos != b.pos ? a.pos < b.pos : a.length > b.length;
  });
  std::vector<Occurrence> kept;
  size_t covered = 0;
  for (const auto& o : found) {
    if (!kept.empty() && o.pos < covered)
      continue;
    kept.push_back(o);
    covered = o.pos + o.length;
  }
  return kept;
}

// Brackets in the same sentence explain the word: after it ("CSF (cerebrospinal fluid)",
// "targeted drugs given ... (targeted drugs work on ...)"), or around it as the short form
// ("cerebrospinal fluid (CSF)").
bool explained_by_brackets(std::string_view text, const Occurrence& use) {
  size_t begin = 0, end = text.size();
  for (const auto& s : split_sentences(text)) {
    if (s.begin <= use.pos && use.pos < s.end) {
      begin = s.begin;
      end = s.end;
      break;
    }
  }
  size_t after = use.pos + use.length;
  if (text.substr(after, end - std::min(after, end)).find('(') != std::string_view::npos)
    return true;
  std::string_view before = trim(text.substr(begin, use.pos - begin));
  std::string_view rest = trim(text.substr(after, end - std::min(after, end)));
  return !before.empty() && before.back() == '(' && !rest.empty() && rest.front() == ')';
}

}  // namespace

Result<std::vector<std::vector<std::string>>> load_synonym_groups(
    const std::filesystem::path& file) {
  auto text = read_text_file(file);
  if (!text)
    return make_error(Errc::not_found, file.generic_string() + ": cannot be read");
  ProblemList problems(file.generic_string(), 1);
  std::vector<std::vector<std::string>> groups;
  auto root = parse_yaml(*text, problems);
  if (root && expect_map(*root, "synonyms.yaml", problems)) {
    const YAML::Node list = (*root)["groups"];
    if (!list.IsSequence()) {
      problems.add(*root, "'groups' must be a list of lists of words");
    } else {
      for (const auto& group : list) {
        if (!group.IsSequence()) {
          problems.add(group, "each group must be a list of words");
          continue;
        }
        std::vector<std::string> members;
        for (const auto& member : group) {
          if (member.IsScalar()) {
            members.push_back(to_lower_ascii(member.Scalar()));
          } else {
            problems.add(member, "a group member must be a word or phrase");
          }
        }
        groups.push_back(std::move(members));
      }
    }
  }
  if (!problems.empty())
    return make_error(Errc::invalid_input, problems.joined());
  return groups;
}

std::vector<JargonTerm> jargon_terms(const Glossary& glossary,
                                     const std::vector<std::vector<std::string>>& synonym_groups) {
  std::vector<JargonTerm> terms;
  std::set<std::string> known;  // lower-cased glossary words and abbreviations taken
  for (const auto& [key, entry] : glossary.entries()) {
    terms.push_back({key, entry.matches, {}});
    for (const auto& m : entry.matches) known.insert(to_lower_ascii(m));
  }
  for (const auto& group : synonym_groups) {
    for (const auto& member : group) {
      if (!looks_like_abbreviation(member) || !known.insert(member).second)
        continue;
      std::string capitals;
      for (char c : member)
        capitals += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      terms.push_back({"", {capitals}, expansion_for(member, group)});
    }
  }
  return terms;
}

std::vector<UnexplainedTerm> find_unexplained_terms(const Page& page,
                                                    const std::vector<JargonTerm>& terms) {
  std::set<std::string_view> listed(page.glossary.begin(), page.glossary.end());
  std::vector<Pattern> patterns;
  for (size_t i = 0; i < terms.size(); ++i) {
    for (const auto& m : terms[i].matches) {
      if (m.empty())
        continue;
      bool capitals = all_capitals(m);
      patterns.push_back({i, capitals ? m : to_lower_ascii(m), capitals});
    }
  }

  std::vector<UnexplainedTerm> out;
  std::vector<bool> seen(terms.size(), false);
  for (const auto& unit : page_prose(page).units) {
    if (unit.kind == ProseKind::heading || unit.kind == ProseKind::expander_title)
      continue;
    for (const auto& use : occurrences(unit.text, patterns)) {
      if (seen[use.term])
        continue;
      seen[use.term] = true;
      const JargonTerm& term = terms[use.term];
      if (!term.glossary_key.empty() && listed.count(term.glossary_key))
        continue;
      if (explained_by_brackets(unit.text, use))
        continue;
      out.push_back({&term, unit.text.substr(use.pos, use.length), unit.line_at(use.pos)});
    }
  }
  return out;
}

}  // namespace cairn::content
