// The message text: CRLF lines, 7bit or quoted-printable body, encoded words
// for non-ASCII headers, extra headers in place; and the SMTP URL setting.
#include "mail/mime_message.hpp"

#include <gtest/gtest.h>

#include "mail/smtp_settings.hpp"
#include "smtp_sink.hpp"

namespace cairn::mail {
namespace {

using testing::clock_at_noon;
using testing::sample;

TEST(FormatMessage, AsciiGoesAsSevenBitWithCrlfLines) {
  auto clock = clock_at_noon();
  auto text = format_message(sample(), clock.now(), "id@cairn.example.org");
  EXPECT_NE(text.find("Content-Transfer-Encoding: 7bit\r\n"), std::string::npos);
  EXPECT_NE(text.find("Message-ID: <id@cairn.example.org>\r\n"), std::string::npos);
  EXPECT_NE(text.find("MIME-Version: 1.0\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\n\r\nHello,\r\n\r\nRead it here"), std::string::npos) << text;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      ASSERT_TRUE(i > 0 && text[i - 1] == '\r') << "bare LF at " << i;
    }
  }
  // Dots are left for the transport (libcurl doubles them on the wire).
  EXPECT_TRUE(text.ends_with("\r\n.\r\n.hidden\r\n")) << text;
}

TEST(FormatMessage, OtherTextIsEncodedSoEveryLineIsAscii) {
  auto clock = clock_at_noon();
  MailMessage mail = sample();
  mail.from_name = "Cairn Cymru \xE2\x80\x94 nyrsys";  // an em dash
  mail.subject = "Mae eich ateb yn barod \xE2\x9C\x93";
  mail.body = "Diolch \xE2\x80\x94 caf\xC3\xA9\n.";
  auto text = format_message(mail, clock.now(), "id@x");
  EXPECT_NE(text.find("Content-Transfer-Encoding: quoted-printable\r\n"), std::string::npos);
  EXPECT_NE(text.find("Subject: =?UTF-8?B?"), std::string::npos) << text;
  EXPECT_NE(text.find("From: =?UTF-8?B?"), std::string::npos) << text;
  EXPECT_NE(text.find("Diolch =E2=80=94 caf=C3=A9\r\n"), std::string::npos) << text;
  for (unsigned char c : text) ASSERT_LT(c, 0x80);
}

TEST(FormatMessage, ExtraHeadersComeBeforeTheBody) {
  auto clock = clock_at_noon();
  MailMessage mail = sample();
  mail.headers = {{"List-Unsubscribe", "<https://x/u/1>"}};
  auto text = format_message(mail, clock.now(), "id@x");
  auto header = text.find("\r\nList-Unsubscribe: <https://x/u/1>\r\n");
  ASSERT_NE(header, std::string::npos) << text;
  EXPECT_LT(header, text.find("\r\n\r\n"));
}

TEST(SmtpUrl, TakesSmtpAndSmtpsWithAnOptionalPort) {
  EXPECT_EQ(parse_smtp_url("smtp://smtp.office365.com:587").value(),
            "smtp://smtp.office365.com:587");
  EXPECT_EQ(parse_smtp_url("smtps://smtp.mailgun.org:465/").value(),
            "smtps://smtp.mailgun.org:465");
  EXPECT_EQ(parse_smtp_url("smtp://relay").value(), "smtp://relay");
  EXPECT_EQ(parse_smtp_url("smtp://[::1]:2525").value(), "smtp://[::1]:2525");
  EXPECT_TRUE(implicit_tls("smtps://relay:465"));
  EXPECT_FALSE(implicit_tls("smtp://relay:587"));
}

TEST(SmtpUrl, RefusesAnythingElse) {
  for (const char* bad :
       {"http://relay:25", "relay:25", "smtp://", "smtp://relay:0", "smtp://relay:99999",
        "smtp://relay:25/x", "smtp://user@relay", "smtp://relay:", "smtp://[::1"}) {
    EXPECT_FALSE(parse_smtp_url(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace cairn::mail
