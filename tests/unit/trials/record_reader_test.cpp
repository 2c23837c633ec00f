#include "trials/record_reader.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <streambuf>

#include <nlohmann/json.hpp>

#include "test_paths.hpp"

namespace cairn::trials {
namespace {

using testing::fixture;
using testing::real_trials;

struct ReadOut {
  std::vector<std::string> ids;      // nctId of each complete record
  std::vector<RecordText> problems;  // problems with their index and line
  std::size_t peak = 0;
};

ReadOut read_stream(std::istream& in, RecordReader::Shape shape) {
  ReadOut out;
  RecordReader reader(in, shape);
  RecordText record;
  while (reader.next(record)) {
    if (!record.problem.empty()) {
      out.problems.push_back(record);
      continue;
    }
    auto json = nlohmann::json::parse(record.text, nullptr, false);
    out.ids.push_back(json.is_discarded()
                          ? "<invalid>"
                          : json["protocolSection"]["identificationModule"].value("nctId", ""));
  }
  out.peak = reader.peak_buffer_bytes();
  return out;
}

ReadOut read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  EXPECT_TRUE(in) << file;
  return read_stream(in, RecordReader::shape_for(file));
}

ReadOut read_text(const std::string& text, RecordReader::Shape shape = RecordReader::Shape::json) {
  std::istringstream in(text);
  return read_stream(in, shape);
}

using Ids = std::vector<std::string>;

TEST(RecordReader, ReadsOneStudyFile) {
  auto out = read_file(fixture("shapes/single.json"));
  EXPECT_EQ(out.ids, Ids{"NCT00000101"});
  EXPECT_TRUE(out.problems.empty());
}

TEST(RecordReader, ReadsTheStudiesOfAnApiPageNotThePage) {
  auto out = read_file(fixture("shapes/page.json"));
  EXPECT_EQ(out.ids, (Ids{"NCT00000101", "NCT00000102"}));
  EXPECT_TRUE(out.problems.empty());
}

TEST(RecordReader, FindsStudiesAfterOtherKeysOfAPage) {
  auto out = read_file(fixture("shapes/page-late-studies.json"));
  EXPECT_EQ(out.ids, (Ids{"NCT00000101", "NCT00000102", "NCT00000103"}));
  EXPECT_TRUE(out.problems.empty());
}

TEST(RecordReader, ReadsAJsonArray) {
  auto out = read_file(fixture("shapes/array.json"));
  EXPECT_EQ(out.ids, (Ids{"NCT00000101", "NCT00000102", "NCT00000103"}));
}

TEST(RecordReader, ReadsNdjson) {
  auto out = read_file(fixture("shapes/records.ndjson"));
  EXPECT_EQ(out.ids, (Ids{"NCT00000101", "NCT00000102", "NCT00000103"}));
}

TEST(RecordReader, ReadsObjectsOneAfterAnotherInAJsonFile) {
  auto out = read_text(
      "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT00000001\"}}}\n"
      "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT00000002\"}}}\n");
  EXPECT_EQ(out.ids, (Ids{"NCT00000001", "NCT00000002"}));
}

TEST(RecordReader, ReadsRealExportsAndApiPages) {
  EXPECT_EQ(read_file(real_trials("lung-nsclc-export.json")).ids.size(), 100u);
  EXPECT_EQ(read_file(real_trials("mixed-export-50.json")).ids.size(), 50u);
  auto page = read_file(real_trials("api-page-2.json"));
  EXPECT_EQ(page.ids.size(), 2u);
  EXPECT_TRUE(page.problems.empty());
}

TEST(RecordReader, BracketsAndQuotesInsideStringsDoNotCutRecords) {
  auto out = read_text(
      R"([{"protocolSection":{"identificationModule":{"nctId":"NCT00000001","briefTitle":"a } ] \" [ {"}}},)"
      R"({"protocolSection":{"identificationModule":{"nctId":"NCT00000002","briefTitle":"\\"}}}])");
  EXPECT_EQ(out.ids, (Ids{"NCT00000001", "NCT00000002"}));
  EXPECT_TRUE(out.problems.empty());
}

TEST(RecordReader, CutShortArrayGivesItsCompleteRecordsAndOneProblem) {
  auto out = read_file(fixture("truncated.json"));
  EXPECT_EQ(out.ids, (Ids{"NCT00000401", "NCT00000402"}));
  ASSERT_EQ(out.problems.size(), 1u);
  EXPECT_EQ(out.problems[0].index, 3u);
  EXPECT_NE(out.problems[0].problem.find("cut short"), std::string::npos);
}

TEST(RecordReader, CutShortRealExportKeepsOnlyWholeRecords) {
  std::ifstream in(real_trials("mixed-export-10.json"), std::ios::binary);
  std::string whole((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto all = read_text(whole).ids;
  ASSERT_EQ(all.size(), 10u);
  // Cut inside the seventh record.
  auto cut = whole.find(all[6]) + 100;
  auto out = read_text(whole.substr(0, cut));
  EXPECT_EQ(out.ids, Ids(all.begin(), all.begin() + 6));
  ASSERT_EQ(out.problems.size(), 1u);
  EXPECT_EQ(out.problems[0].index, 7u);
}

TEST(RecordReader, CutShortNdjsonLineIsAProblemNotARecord) {
  auto out = read_file(fixture("truncated.ndjson"));
  EXPECT_EQ(out.ids, (Ids{"NCT00000501", "NCT00000502"}));
  ASSERT_EQ(out.problems.size(), 1u);
  EXPECT_EQ(out.problems[0].index, 3u);
  EXPECT_EQ(out.problems[0].line, 3u);
}

TEST(RecordReader, BrokenNdjsonLineDoesNotSwallowTheNextLines) {
  auto out = read_file(fixture("malformed.ndjson"));
  // The broken line is handed on as text (the parser rejects it); its neighbours survive.
  EXPECT_EQ(out.ids, (Ids{"NCT00000301", "<invalid>", "NCT00000303", "NCT00000304"}));
}

TEST(RecordReader, ArrayWithoutItsClosingBracketIsReported) {
  auto out = read_text(R"([{"protocolSection":{"identificationModule":{"nctId":"NCT00000001"}}},)");
  EXPECT_EQ(out.ids, Ids{"NCT00000001"});
  ASSERT_EQ(out.problems.size(), 1u);
  EXPECT_NE(out.problems[0].problem.find("list of records is closed"), std::string::npos);
}

TEST(RecordReader, SomethingThatIsNotJsonIsOneProblem) {
  auto out = read_text("<html><body>Service unavailable</body></html>");
  EXPECT_TRUE(out.ids.empty());
  ASSERT_EQ(out.problems.size(), 1u);
  EXPECT_NE(out.problems[0].problem.find("'<'"), std::string::npos);
}

TEST(RecordReader, EmptyFileHasNoRecords) {
  auto out = read_text("  \n");
  EXPECT_TRUE(out.ids.empty());
  EXPECT_TRUE(out.problems.empty());
}

TEST(RecordReader, SkipsAByteOrderMark) {
  auto out = read_text(
      "\xEF\xBB\xBF[{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT00000001\"}}}]");
  EXPECT_EQ(out.ids, Ids{"NCT00000001"});
}

TEST(RecordReader, TellsTheLineEachRecordStartsOn) {
  std::ifstream in(fixture("shapes/array.json"), std::ios::binary);
  RecordReader reader(in);
  RecordText record;
  std::vector<std::size_t> lines;
  while (reader.next(record)) lines.push_back(record.line);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], 2u);
  EXPECT_LT(lines[0], lines[1]);
  EXPECT_LT(lines[1], lines[2]);
}

TEST(RecordReader, OversizedRecordIsSkippedAndTheRestRead) {
  std::string big(5000, 'x');
  std::string text =
      "[{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT00000001\"}}, \"pad\":\"" +
      big + "\"}, {\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT00000002\"}}}]";
  std::istringstream in(text);
  RecordReader reader(in, RecordReader::Shape::json, 1000);
  RecordText record;
  ASSERT_TRUE(reader.next(record));
  EXPECT_NE(record.problem.find("larger than"), std::string::npos);
  ASSERT_TRUE(reader.next(record));
  EXPECT_TRUE(record.problem.empty());
  EXPECT_NE(record.text.find("NCT00000002"), std::string::npos);
  EXPECT_FALSE(reader.next(record));
}

// An endless-looking NDJSON stream made on the fly: nothing holds it whole.
class GeneratedNdjson : public std::streambuf {
 public:
  explicit GeneratedNdjson(std::size_t records) : left_(records) {}

 protected:
  int_type underflow() override {
    if (left_ == 0)
      return traits_type::eof();
    --left_;
    char id[32];
    std::snprintf(id, sizeof id, "NCT%08zu", left_ % 100000000);
    line_ = std::string(R"({"protocolSection":{"identificationModule":{"nctId":")") + id +
            R"(","briefTitle":"Generated"},"descriptionModule":{"briefSummary":")" +
            std::string(1500, 's') + "\"}}}\n";
    setg(line_.data(), line_.data(), line_.data() + line_.size());
    return traits_type::to_int_type(line_[0]);
  }

 private:
  std::size_t left_;
  std::string line_;
};

TEST(RecordReader, LargeStreamIsReadInBoundedMemory) {
  constexpr std::size_t kRecords = 40000;  // about 64 MB
  GeneratedNdjson source(kRecords);
  std::istream in(&source);
  RecordReader reader(in, RecordReader::Shape::ndjson);
  RecordText record;
  std::size_t count = 0;
  while (reader.next(record)) {
    ASSERT_TRUE(record.problem.empty()) << record.problem;
    ++count;
  }
  EXPECT_EQ(count, kRecords);
  EXPECT_LT(reader.peak_buffer_bytes(), std::size_t{256} * 1024);
}

TEST(RecordFiles, ExpandsFoldersToRecordFilesInOrder) {
  auto files = record_files({fixture("folder")});
  ASSERT_TRUE(files) << files.error().message;
  ASSERT_EQ(files->size(), 3u);
  EXPECT_EQ((*files)[0].filename(), "a.json");
  EXPECT_EQ((*files)[1].filename(), "b.ndjson");
  EXPECT_EQ((*files)[2].filename(), "c.jsonl");
}

TEST(RecordFiles, MissingPathIsAnError) {
  auto files = record_files({fixture("no-such-folder")});
  ASSERT_FALSE(files);
  EXPECT_EQ(files.error().code, Errc::not_found);
  EXPECT_NE(files.error().message.find("no-such-folder"), std::string::npos);
}

}  // namespace
}  // namespace cairn::trials
