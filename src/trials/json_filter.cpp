#include "trials/json_filter.hpp"

#include <charconv>
#include <cstdint>
#include <string>

#include "core/text.hpp"
#include "trials/json_scan.hpp"

namespace cairn::trials {

namespace {

using nlohmann::json;

constexpr int kMaxDepth = 200;  // deeper than any study record; stops stack exhaustion

class Parser {
 public:
  Parser(std::string_view text, KeepMember keep) : s_(text), keep_(keep) {}

  Result<json> parse() {
    json out;
    skip_space();
    if (!value(&out, 0))
      return failure();
    skip_space();
    if (ok_ && pos_ != s_.size())
      fail("unexpected text after the end");
    if (!ok_)
      return failure();
    return out;
  }

 private:
  Error failure() const {
    return make_error(Errc::invalid_input,
                      "invalid JSON at byte " + std::to_string(error_pos_) + ": " + error_);
  }

  bool fail(const char* what) {
    if (ok_) {
      ok_ = false;
      error_ = what;
      error_pos_ = pos_;
    }
    return false;
  }

  void skip_space() {
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
        break;
      ++pos_;
    }
  }

  // Steps past c, after any space, when it comes next.
  bool next_is(char c) {
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  bool expect(char c, const char* what) { return next_is(c) || fail(what); }

  // Steps into an object or array, left empty in *out.
  bool enter(int depth, json* out, json::value_t kind) {
    if (depth > kMaxDepth)
      return fail("nested too deeply");
    ++pos_;  // '{' or '['
    if (out != nullptr)
      *out = json(kind);
    return true;
  }

  // Parses one value into *out, or only checks it when out is null.
  bool value(json* out, int depth) {
    if (pos_ >= s_.size())
      return fail("unexpected end of text");
    switch (s_[pos_]) {
      case '{':
        return object(out, depth + 1);
      case '[':
        return array(out, depth + 1);
      case '"': {
        if (out == nullptr)
          return skip_string();
        std::string text;
        if (!string(text))
          return false;
        *out = std::move(text);
        return true;
      }
      case 't':
        return literal("true", out, json(true));
      case 'f':
        return literal("false", out, json(false));
      case 'n':
        return literal("null", out, json(nullptr));
      default:
        return number(out);
    }
  }

  bool literal(std::string_view word, json* out, json v) {
    if (s_.substr(pos_, word.size()) != word)
      return fail("expected a value");
    pos_ += word.size();
    if (out != nullptr)
      *out = std::move(v);
    return true;
  }

  bool object(json* out, int depth) {
    if (!enter(depth, out, json::value_t::object))
      return false;
    if (next_is('}'))
      return true;
    std::string key;
    for (;;) {
      skip_space();
      if (pos_ >= s_.size() || s_[pos_] != '"')
        return fail("expected a key in quotes");
      if (out == nullptr) {
        if (!skip_string())
          return false;
      } else {
        key.clear();
        if (!string(key))
          return false;
      }
      if (!expect(':', "expected ':' after a key"))
        return false;
      skip_space();
      json* target = nullptr;
      if (out != nullptr && keep_(depth, key))
        target = &(*out)[key];
      if (!value(target, depth))
        return false;
      if (!next_is(','))
        return expect('}', "expected ',' or '}'");
    }
  }

  bool array(json* out, int depth) {
    if (!enter(depth, out, json::value_t::array))
      return false;
    if (next_is(']'))
      return true;
    for (;;) {
      skip_space();
      json* target = nullptr;
      if (out != nullptr)
        target = &out->emplace_back();
      if (!value(target, depth))
        return false;
      if (!next_is(','))
        return expect(']', "expected ',' or ']'");
    }
  }

  bool hex4(std::uint32_t& out) {
    if (pos_ + 4 > s_.size())
      return fail("unfinished \\u escape");
    out = 0;
    for (int i = 0; i < 4; ++i) {
      int h = hex_digit_value(s_[pos_ + static_cast<std::size_t>(i)]);
      if (h < 0)
        return fail("bad \\u escape");
      out = out * 16 + static_cast<std::uint32_t>(h);
    }
    pos_ += 4;
    return true;
  }

  // A string kept: escapes decoded, UTF-8 checked.
  bool string(std::string& out) {
    ++pos_;  // '"'
    std::size_t start = out.size();
    for (;;) {
      std::size_t run = find_json_special(s_, pos_);
      out.append(s_.data() + pos_, run - pos_);
      pos_ = run;
      if (pos_ >= s_.size())
        return fail("unfinished string");
      char c = s_[pos_];
      if (c == '"') {
        ++pos_;
        std::string_view kept = std::string_view(out).substr(start);
        if (!is_ascii(kept) && !is_valid_utf8(kept))
          return fail("text is not UTF-8");
        return true;
      }
      if (c != '\\')
        return fail("control character in a string");
      if (++pos_ >= s_.size())
        return fail("unfinished escape");
      char e = s_[pos_++];
      switch (e) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!hex4(cp))
            return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (s_.substr(pos_, 2) != "\\u")
              return fail("lone surrogate in \\u escape");
            pos_ += 2;
            if (!hex4(low))
              return false;
            if (low < 0xDC00 || low > 0xDFFF)
              return fail("bad surrogate pair");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return fail("lone surrogate in \\u escape");
          }
          append_utf8(out, static_cast<char32_t>(cp));  // at most U+10FFFF, no surrogate
          break;
        }
        default:
          return fail("unknown escape");
      }
    }
  }

  // A string skipped: only its syntax is checked.
  bool skip_string() {
    ++pos_;  // '"'
    while ((pos_ = find_json_special(s_, pos_)) < s_.size()) {
      auto c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20)
        return fail("control character in a string");
      if (c == '\\') {
        if (++pos_ >= s_.size())
          break;
        char e = s_[pos_];
        if (e == 'u') {
          ++pos_;
          std::uint32_t cp = 0;
          if (!hex4(cp))
            return false;
          continue;
        }
        if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' &&
            e != 't') {
          return fail("unknown escape");
        }
      }
      ++pos_;
    }
    return fail("unfinished string");
  }

  bool digits() {
    std::size_t start = pos_;
    while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
    return pos_ > start;
  }

  bool number(json* out) {
    std::size_t start = pos_;
    bool integer = true;
    if (pos_ < s_.size() && s_[pos_] == '-')
      ++pos_;
    if (pos_ < s_.size() && s_[pos_] == '0') {
      ++pos_;
    } else if (!digits()) {
      pos_ = start;
      return fail("expected a value");
    }
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      integer = false;
      if (!digits())
        return fail("expected digits after '.'");
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      integer = false;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-'))
        ++pos_;
      if (!digits())
        return fail("expected digits in exponent");
    }
    if (out == nullptr)
      return true;
    const char* first = s_.data() + start;
    const char* last = s_.data() + pos_;
    if (integer) {
      std::int64_t n = 0;
      if (std::from_chars(first, last, n).ec == std::errc()) {
        *out = n;
        return true;
      }
    }
    double d = 0;
    if (std::from_chars(first, last, d).ec != std::errc())
      return fail("number out of range");
    *out = d;
    return true;
  }

  std::string_view s_;
  KeepMember keep_;
  std::size_t pos_ = 0;
  bool ok_ = true;
  const char* error_ = "";
  std::size_t error_pos_ = 0;
};

}  // namespace

Result<nlohmann::json> parse_json_filtered(std::string_view text, KeepMember keep) {
  return Parser(text, keep).parse();
}

}  // namespace cairn::trials
