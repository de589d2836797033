#include "audit/diff.hpp"

#include <gtest/gtest.h>

#include "audit/actions.hpp"

namespace waihu::audit {

TEST(FieldChanges, ListsOnlyWhatChanged) {
  auto changes = field_changes({{"status", "new"}, {"owner_id", 3}, {"company", "甲"}},
                               {{"status", "contacted"}, {"owner_id", 3}, {"company", "甲"}});
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].field, "status");
  EXPECT_EQ(changes[0].before, "new");
  EXPECT_EQ(changes[0].after, "contacted");
  EXPECT_EQ(changes_text(changes), "status: new → contacted");
}

TEST(FieldChanges, ACreatedRecordShowsItsFieldsAndARemovedFieldShowsAsGone) {
  auto created = field_changes(nullptr, {{"name", "一组"}, {"parent_id", nullptr}});
  ASSERT_EQ(created.size(), 1u);  // a null field of a new record is not a change
  EXPECT_EQ(changes_text(created), "name: — → 一组");
  auto removed = field_changes({{"extension", "8001"}}, nlohmann::json::object());
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_TRUE(removed[0].after.is_null());
}

TEST(FieldChanges, NonObjectImagesCompareWhole) {
  EXPECT_TRUE(field_changes(5, 5).empty());
  auto c = field_changes(5, 7);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(changes_text(c), "5 → 7");
}

TEST(ActionLabel, NamesKnownActionsAndFallsBackToTheCode) {
  EXPECT_EQ(action_label("customer.assign").zh, "客户归属变更");
  EXPECT_EQ(action_label("customer.assign").en, "Customer owner changed");
  EXPECT_EQ(action_label("something.new").en, "something.new");
}

}  // namespace waihu::audit
