#include "accounts/account_service.hpp"

#include <gtest/gtest.h>

#include "account_fixture.hpp"

namespace cairn::accounts {
namespace {

using namespace std::chrono_literals;

class AccountServiceTest : public testing::AccountFixture {
 protected:
  std::vector<std::string> fields_of(const Error& error) {
    std::vector<std::string> out;
    for (const auto& p : error.problems) out.push_back(p.field);
    return out;
  }
};

TEST_F(AccountServiceTest, RegisterCreatesAMemberOnceTheEmailedLinkIsFollowed) {
  auto result =
      service_->register_member(registration(" River  Song ", " River@Example.ORG "), "192.0.2.1");
  ASSERT_TRUE(result.ok());
  auto sent = mails();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].mail.to_address, "river@example.org");
  EXPECT_EQ(sent[0].mail.subject, "Confirm your email address for Cairn");
  auto token = link_token(sent[0].mail.body, kConfirmEmailPath);
  ASSERT_EQ(token.size(), 43u) << sent[0].mail.body;
  EXPECT_NE(sent[0].mail.body.find("https://cairn.test/account/confirm/" + token),
            std::string::npos);
  // Unconfirmed: the right password gets a fresh link, not a session.
  auto early = service_->authenticate("river@example.org", "blue tardis at dawn", "192.0.2.1");
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, Errc::forbidden);
  EXPECT_NE(early.error().message.find("Confirm your email address"), std::string::npos);
  EXPECT_EQ(mails().size(), 1u) << "a fresh link";
  auto account = service_->confirm_email(token);
  ASSERT_TRUE(account.ok());
  EXPECT_EQ(account->display_name, "River Song");
  EXPECT_EQ(account->email, "river@example.org");
  EXPECT_EQ(account->role, Role::member);
  EXPECT_TRUE(account->over_14);
  EXPECT_EQ(account->rules_accepted_at, "2025-06-15T15:06:40Z");
  EXPECT_TRUE(service_->authenticate("river@example.org", "blue tardis at dawn", "192.0.2.1"));
  EXPECT_FALSE(service_->confirm_email(token)) << "single use";
}

TEST_F(AccountServiceTest, AConfirmationLinkLastsTwoDays) {
  ASSERT_TRUE(service_->register_member(registration(), "192.0.2.1"));
  auto token = link_token(mails().at(0).mail.body, kConfirmEmailPath);
  clock_.advance(48h + 1s);
  auto late = service_->confirm_email(token);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, Errc::not_found);
}

TEST_F(AccountServiceTest, AnAbandonedRegistrationFreesItsNameAndAddress) {
  ASSERT_TRUE(
      service_->register_member(registration("River Song", "squat@example.org"), "192.0.2.1"));
  // Within the link's life the name stays taken.
  clock_.advance(47h);
  auto soon =
      service_->register_member(registration("River Song", "river@example.org"), "192.0.2.2");
  ASSERT_FALSE(soon);
  EXPECT_EQ(fields_of(soon.error()), std::vector<std::string>{"display_name"});
  // Once every link it had has expired, the name is free for someone else...
  clock_.advance(2h);
  ASSERT_TRUE(
      service_->register_member(registration("River Song", "river@example.org"), "192.0.2.3"));
  auto token = link_token(mails().back().mail.body, kConfirmEmailPath);
  ASSERT_TRUE(service_->confirm_email(token).ok());
  EXPECT_EQ(store_->accounts().account_by_email("squat@example.org"), std::nullopt);
  // ...and the abandoned address registers afresh, with the password typed now.
  clock_.advance(1h);
  ASSERT_TRUE(
      service_->register_member(registration("Rory Williams", "squat@example.org"), "192.0.2.4"));
  auto fresh = store_->accounts().account_by_email("squat@example.org");
  ASSERT_TRUE(fresh);
  EXPECT_EQ(fresh->display_name, "Rory Williams");
}

TEST_F(AccountServiceTest, AConfirmedAccountIsNeverAbandoned) {
  auto account = registered();
  clock_.advance(24h * 400);
  ASSERT_TRUE(
      service_->register_member(registration("Someone New", "new@example.org"), "192.0.2.9"));
  EXPECT_TRUE(store_->accounts().account_by_id(account.id));
}

TEST_F(AccountServiceTest, RegisteringATakenEmailLooksTheSameAndTellsTheOwner) {
  registered();
  auto again =
      service_->register_member(registration("Someone Else", "RIVER@example.org"), "192.0.2.1");
  ASSERT_TRUE(again.ok()) << "the same answer as for a new address";
  auto sent = mails();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].mail.to_address, "river@example.org");
  EXPECT_EQ(sent[0].mail.subject, "Someone tried to register with your email address");
  EXPECT_EQ(sent[0].mail.body.find(std::string(kConfirmEmailPath)), std::string::npos)
      << "a confirmed account needs no link";
  EXPECT_NE(sent[0].mail.body.find("/account/forgot-password"), std::string::npos);
  // The password did not change.
  EXPECT_TRUE(service_->authenticate("river@example.org", "blue tardis at dawn", "192.0.2.1"));
  // Nor can it be used to fill the owner's inbox.
  for (int i = 0; i < 10; ++i) {
    (void)service_->register_member(registration("Someone Else", "river@example.org"),
                                    "10.0.0." + std::to_string(i));
  }
  EXPECT_EQ(mails().size(), 1u) << "three links an hour at most (the confirmation was the first)";
}

TEST_F(AccountServiceTest, ForgotPasswordSendsASingleUseLinkForAnHour) {
  auto account = registered();
  auto other_session = sessions_->start(account, "phone");
  ASSERT_TRUE(service_->request_password_reset(" River@example.org", "192.0.2.1"));
  auto sent = mails();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].mail.subject, "Set a new password for Cairn");
  auto token = link_token(sent[0].mail.body, kResetPasswordPath);
  ASSERT_EQ(token.size(), 43u);
  EXPECT_TRUE(service_->reset_link_live(token));
  // A weak password is refused and the link still works.
  auto weak = service_->reset_password(token, "password", "password");
  ASSERT_FALSE(weak);
  EXPECT_EQ(fields_of(weak.error()), std::vector<std::string>{"new_password"});
  EXPECT_TRUE(service_->reset_link_live(token));
  auto reset = service_->reset_password(token, "new kettle on the hob", "new kettle on the hob");
  ASSERT_TRUE(reset.ok()) << reset.error().message;
  EXPECT_EQ(reset->id, account.id);
  EXPECT_FALSE(sessions_->find(other_session)) << "every other session ends";
  EXPECT_FALSE(service_->authenticate("river@example.org", "blue tardis at dawn", "192.0.2.1"));
  EXPECT_TRUE(service_->authenticate("river@example.org", "new kettle on the hob", "192.0.2.1"));
  EXPECT_FALSE(service_->reset_link_live(token)) << "single use";
  auto twice =
      service_->reset_password(token, "another long passphrase", "another long passphrase");
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, Errc::not_found);
}

TEST_F(AccountServiceTest, AResetLinkExpiresAfterAnHour) {
  registered();
  ASSERT_TRUE(service_->request_password_reset("river@example.org", "192.0.2.1"));
  auto token = link_token(mails().at(0).mail.body, kResetPasswordPath);
  clock_.advance(1h);
  EXPECT_FALSE(service_->reset_link_live(token));
  auto late = service_->reset_password(token, "new kettle on the hob", "new kettle on the hob");
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, Errc::not_found);
  EXPECT_TRUE(service_->authenticate("river@example.org", "blue tardis at dawn", "192.0.2.1"));
}

TEST_F(AccountServiceTest, ForgotPasswordAnswersTheSameForAnUnknownAddressAndSendsNothing) {
  EXPECT_TRUE(service_->request_password_reset("nobody@example.org", "192.0.2.1"));
  EXPECT_TRUE(mails().empty());
  auto bad = service_->request_password_reset("not an email", "192.0.2.1");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "email");
}

TEST_F(AccountServiceTest, ForgotPasswordIsRateLimitedAndCapsTheMails) {
  registered();
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(service_->request_password_reset("river@example.org", "192.0.2.1"));
  auto sixth = service_->request_password_reset("river@example.org", "192.0.2.1");
  ASSERT_FALSE(sixth);
  EXPECT_EQ(sixth.error().code, Errc::rate_limited);
  EXPECT_EQ(mails().size(), 3u) << "three links an hour to one account";
}

TEST_F(AccountServiceTest, EmptyFormNamesEveryFieldInFormOrder) {
  auto result = service_->register_member(Registration{}, "192.0.2.1");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(
      fields_of(result.error()),
      (std::vector<std::string>{"display_name", "email", "password", "over_14", "accept_rules"}));
  EXPECT_EQ(result.error().code, Errc::invalid_input);
}

TEST_F(AccountServiceTest, PasswordsMustMatchAndMeetThePolicy) {
  auto form = registration();
  form.confirm_password = "blue tardis at dusk";
  auto mismatch = service_->register_member(form, "192.0.2.1");
  ASSERT_FALSE(mismatch.ok());
  EXPECT_EQ(fields_of(mismatch.error()), std::vector<std::string>{"confirm_password"});

  form.password = form.confirm_password = "password123";
  auto common = service_->register_member(form, "192.0.2.1");
  ASSERT_FALSE(common.ok());
  EXPECT_EQ(fields_of(common.error()), std::vector<std::string>{"password"});
  EXPECT_FALSE(store_->accounts().account_by_email("river@example.org"));
}

TEST_F(AccountServiceTest, Under14OrRulesNotAcceptedCreatesNothing) {
  auto form = registration();
  form.over_14 = false;
  auto young = service_->register_member(form, "192.0.2.1");
  ASSERT_FALSE(young.ok());
  EXPECT_EQ(fields_of(young.error()), std::vector<std::string>{"over_14"});
  form.over_14 = true;
  form.accepts_rules = false;
  auto rules = service_->register_member(form, "192.0.2.1");
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(fields_of(rules.error()), std::vector<std::string>{"accept_rules"});
  EXPECT_FALSE(store_->accounts().account_by_email("river@example.org"));
}

TEST_F(AccountServiceTest, EmailAndDisplayNameAreUniqueInAnyCase) {
  registered();
  auto same_name =
      service_->register_member(registration("rIVER sONG", "other@example.org"), "192.0.2.1");
  ASSERT_FALSE(same_name.ok());
  EXPECT_EQ(fields_of(same_name.error()), std::vector<std::string>{"display_name"});
}

TEST_F(AccountServiceTest, DisplayNamesThatMisleadAreRefused) {
  for (const char* name :
       {"Moderator", "deleted member", "jo@example.org", "A", "Jo\u202Eevil", "zero\u200Bwidth"}) {
    auto result = service_->register_member(registration(name, "jo@example.org"), "192.0.2.1");
    ASSERT_FALSE(result.ok()) << name;
    EXPECT_EQ(fields_of(result.error()), std::vector<std::string>{"display_name"}) << name;
  }
}

TEST_F(AccountServiceTest, SqlMetacharactersAreStoredVerbatim) {
  std::string name = "Robert'); DROP TABLE accounts;--";
  std::string email = "o'brien+\"x\"@example.org";
  auto result = registered(name, "o'brien+test@example.org");
  auto again = store_->accounts().account_by_id(result.id);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->display_name, name);
  EXPECT_EQ(again->email, "o'brien+test@example.org");
  EXPECT_TRUE(service_->authenticate("o'brien+test@example.org", "blue tardis at dawn", "x"));
  (void)email;
}

TEST_F(AccountServiceTest, RegistrationsPerAddressAreLimited) {
  for (int i = 0; i < 10; ++i) {
    auto r = service_->register_member(
        registration("Member " + std::to_string(i), "m" + std::to_string(i) + "@example.org"),
        "198.51.100.7");
    ASSERT_TRUE(r.ok()) << i;
  }
  auto eleventh =
      service_->register_member(registration("Member 10", "m10@example.org"), "198.51.100.7");
  ASSERT_FALSE(eleventh.ok());
  EXPECT_EQ(eleventh.error().code, Errc::rate_limited);
  EXPECT_FALSE(store_->accounts().account_by_email("m10@example.org"));
  // Another address is not held up.
  EXPECT_TRUE(
      service_->register_member(registration("Member 10", "m10@example.org"), "192.0.2.9").ok());
}

TEST_F(AccountServiceTest, UnknownEmailAndWrongPasswordGetTheSameAnswer) {
  registered();
  auto wrong = service_->authenticate("river@example.org", "not my password", "192.0.2.1");
  auto unknown = service_->authenticate("nobody@example.org", "not my password", "192.0.2.1");
  ASSERT_FALSE(wrong);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(wrong.error().code, Errc::unauthorized);
  EXPECT_EQ(unknown.error().code, wrong.error().code);
  EXPECT_EQ(unknown.error().message, wrong.error().message);
  EXPECT_EQ(wrong.error().message, "Enter a correct email and password");
}

TEST_F(AccountServiceTest, SignInIgnoresEmailCaseAndSpaces) {
  registered();
  EXPECT_TRUE(service_->authenticate("  RIVER@example.org ", "blue tardis at dawn", "192.0.2.1"));
}

TEST_F(AccountServiceTest, SixthAttemptFromOneAddressIsRefusedEvenWithTheRightPassword) {
  registered();
  for (int i = 0; i < 5; ++i) {
    auto r = service_->authenticate("river@example.org", "wrong guess " + std::to_string(i),
                                    "192.0.2.1");
    ASSERT_EQ(r.error().code, Errc::unauthorized);
  }
  auto sixth = service_->authenticate("river@example.org", "blue tardis at dawn", "192.0.2.1");
  ASSERT_FALSE(sixth);
  EXPECT_EQ(sixth.error().code, Errc::rate_limited);
  clock_.advance(2s);
  EXPECT_TRUE(service_->authenticate("river@example.org", "blue tardis at dawn", "192.0.2.1"));
}

TEST_F(AccountServiceTest, WrongGuessesFromElsewhereNeverRefuseTheOwnersPassword) {
  registered();
  // Two wrong guesses a second from ever new addresses, for over a minute.
  for (int i = 0; i < 150; ++i) {
    (void)service_->authenticate("river@example.org", "guess " + std::to_string(i),
                                 "203.0.113." + std::to_string(i % 250));
    if (i % 2 == 1)
      clock_.advance(1s);
    if (i % 10 == 9) {
      auto owner = service_->authenticate("river@example.org", "blue tardis at dawn", "192.0.2.9");
      ASSERT_TRUE(owner) << "after " << i + 1 << " guesses: " << owner.error().message;
    }
  }
}

TEST_F(AccountServiceTest, AnAddressThatGuessedWrongIsHeldByTheAccountsLimit) {
  registered();
  for (int i = 0; i < 5; ++i) {
    (void)service_->authenticate("river@example.org", "guess", "203.0.113." + std::to_string(i));
  }
  // A new address has its first guess, then waits like every guesser.
  auto first = service_->authenticate("river@example.org", "guess", "198.51.100.7");
  EXPECT_EQ(first.error().code, Errc::unauthorized);
  auto second = service_->authenticate("river@example.org", "blue tardis at dawn", "198.51.100.7");
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, Errc::rate_limited);
}

TEST_F(AccountServiceTest, UnknownEmailIsRateLimitedLikeAKnownOne) {
  for (int i = 0; i < 5; ++i) (void)service_->authenticate("nobody@example.org", "guess", "a");
  auto sixth = service_->authenticate("nobody@example.org", "guess", "a");
  ASSERT_FALSE(sixth);
  EXPECT_EQ(sixth.error().code, Errc::rate_limited);
}

TEST_F(AccountServiceTest, SuccessfulSignInClearsTheAccountCount) {
  registered();
  for (int i = 0; i < 4; ++i) (void)service_->authenticate("river@example.org", "wrong", "a");
  ASSERT_TRUE(service_->authenticate("river@example.org", "blue tardis at dawn", "a"));
  for (int i = 0; i < 4; ++i) (void)service_->authenticate("river@example.org", "wrong", "a");
  EXPECT_TRUE(service_->authenticate("river@example.org", "blue tardis at dawn", "a"));
}

TEST_F(AccountServiceTest, OldCostHashIsUpgradedAtSignIn) {
  auto account = registered();
  PasswordHasher stronger{{2, 16 * 1024}};
  AccountService upgraded(store_->accounts(), stronger, *policy_, limiter_, *mail_, clock_);
  ASSERT_TRUE(upgraded.authenticate("river@example.org", "blue tardis at dawn", "a"));
  auto record = store_->accounts().account_by_id(account.id);
  EXPECT_FALSE(stronger.needs_rehash(record->password_hash)) << record->password_hash;
  EXPECT_TRUE(upgraded.authenticate("river@example.org", "blue tardis at dawn", "a"));
}

TEST_F(AccountServiceTest, ChangePasswordEndsEverySession) {
  auto account = registered();
  std::string laptop = sessions_->start(account, "laptop");
  std::string phone = sessions_->start(account, "phone");
  auto changed = service_->change_password(account, "blue tardis at dawn", "silence will fall",
                                           "silence will fall", "a");
  ASSERT_TRUE(changed.ok());
  EXPECT_FALSE(sessions_->find(laptop));
  EXPECT_FALSE(sessions_->find(phone));
  EXPECT_FALSE(service_->authenticate("river@example.org", "blue tardis at dawn", "a"));
  EXPECT_TRUE(service_->authenticate("river@example.org", "silence will fall", "a"));
}

TEST_F(AccountServiceTest, ChangePasswordNeedsTheCurrentOne) {
  auto account = registered();
  std::string laptop = sessions_->start(account, "laptop");
  auto changed = service_->change_password(account, "a wrong guess", "silence will fall",
                                           "silence will fall", "a");
  ASSERT_FALSE(changed.ok());
  EXPECT_EQ(fields_of(changed.error()), std::vector<std::string>{"current_password"});
  EXPECT_TRUE(sessions_->find(laptop));
  EXPECT_TRUE(service_->authenticate("river@example.org", "blue tardis at dawn", "a"));
}

TEST_F(AccountServiceTest, NewPasswordMustDifferAndMeetThePolicy) {
  auto account = registered();
  auto same = service_->change_password(account, "blue tardis at dawn", "blue tardis at dawn",
                                        "blue tardis at dawn", "a");
  ASSERT_FALSE(same.ok());
  EXPECT_EQ(fields_of(same.error()), std::vector<std::string>{"new_password"});
  auto weak =
      service_->change_password(account, "blue tardis at dawn", "qwerty123", "qwerty123", "a");
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(fields_of(weak.error()), std::vector<std::string>{"new_password"});
}

class RecordingMemberData : public MemberData {
 public:
  std::string section() const override { return "forum_posts"; }
  nlohmann::json export_for(std::int64_t id) override { return {{"posts_by", id}}; }
  void account_deleted(std::int64_t id, PostChoice choice) override {
    deleted_id = id;
    choice_made = choice;
  }
  std::int64_t deleted_id = 0;
  std::optional<PostChoice> choice_made;
};

TEST_F(AccountServiceTest, DeleteAccountRemovesItAndTellsThePostsOwner) {
  RecordingMemberData posts;
  service_->add_member_data(posts);
  auto account = registered();
  std::string token = sessions_->start(account, "");
  auto deleted = service_->delete_account(account, "blue tardis at dawn", PostChoice::remove, "a");
  ASSERT_TRUE(deleted.ok());
  EXPECT_EQ(posts.deleted_id, account.id);
  EXPECT_EQ(posts.choice_made, PostChoice::remove);
  EXPECT_FALSE(store_->accounts().account_by_id(account.id));
  EXPECT_FALSE(sessions_->find(token));
  // The email is free again.
  EXPECT_TRUE(service_->register_member(registration(), "192.0.2.3").ok());
}

TEST_F(AccountServiceTest, DeleteAccountNeedsAChoiceAndThePassword) {
  auto account = registered();
  auto no_choice = service_->delete_account(account, "", std::nullopt, "a");
  ASSERT_FALSE(no_choice.ok());
  EXPECT_EQ(fields_of(no_choice.error()), (std::vector<std::string>{"posts", "password"}));
  auto wrong =
      service_->delete_account(account, "a wrong guess", PostChoice::keep_as_deleted_member, "a");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(fields_of(wrong.error()), std::vector<std::string>{"password"});
  EXPECT_TRUE(store_->accounts().account_by_id(account.id));
}

TEST_F(AccountServiceTest, ExportHoldsTheMembersDataButNoSecrets) {
  RecordingMemberData posts;
  service_->add_member_data(posts);
  auto account = registered();
  sessions_->start(account, "Firefox on Linux");
  auto data = service_->export_data(account);
  EXPECT_EQ(data["account"]["email"], "river@example.org");
  EXPECT_EQ(data["account"]["display_name"], "River Song");
  EXPECT_EQ(data["account"]["role"], "member");
  ASSERT_EQ(data["sessions"].size(), 1u);
  EXPECT_EQ(data["sessions"][0]["browser"], "Firefox on Linux");
  EXPECT_EQ(data["forum_posts"]["posts_by"], account.id);
  std::string text = data.dump();
  EXPECT_EQ(text.find("argon2"), std::string::npos);
  auto stored = store_->accounts().sessions_of(account.id);
  EXPECT_EQ(text.find(stored[0].token_hash), std::string::npos);
}

TEST_F(AccountServiceTest, StaffAccountsFollowTheSameRules) {
  auto nurse = service_->create_staff(
      {"Nurse.Jo@example.org", "Nurse", "kettle orbit sunrise", Role::nurse});
  ASSERT_TRUE(nurse) << nurse.error().message;
  EXPECT_EQ(nurse->role, Role::nurse);
  EXPECT_EQ(nurse->email, "nurse.jo@example.org");
  auto weak = service_->create_staff({"ed@example.org", "Editor", "password1", Role::editor});
  ASSERT_FALSE(weak);
  EXPECT_EQ(weak.error().code, Errc::invalid_input);
  auto twice = service_->create_staff(
      {"nurse.jo@example.org", "Nurse 2", "kettle orbit sunrise", Role::nurse});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, Errc::conflict);
}

}  // namespace
}  // namespace cairn::accounts
