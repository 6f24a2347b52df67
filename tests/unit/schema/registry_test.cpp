#include "schema/registry.hpp"

#include <gtest/gtest.h>

namespace isms::schema {
namespace {

RegisterSpec Spec(std::vector<FieldSpec> fields) {
    RegisterSpec s;
    s.name = "things";
    s.ref_prefix = "THG";
    s.fields = std::move(fields);
    return s;
}

std::string Refusal(RegisterSpec spec) {
    Registry registry;
    auto added = registry.Add(std::move(spec));
    return added ? std::string() : added.error().fields.at(0).message;
}

TEST(RegistryReminders, AcceptsDatesForTheOwnerOrAUserField) {
    Registry registry;
    EXPECT_TRUE(registry.Add(Spec(
        {User("approver"),
         Enum("status", {"open", "done"}),
         DateField("due").Reminds("due").SettledWhen("status", {"done"}),
         DateTimeField("at").Reminds("meeting").RemindsUser("approver")}
    )));
    const FieldSpec* due = registry.Get("things").Field("due");
    ASSERT_NE(due, nullptr);
    EXPECT_EQ(due->reminds, "due");
    EXPECT_EQ(due->settled_values, std::vector<std::string>{"done"});
}

TEST(RegistryReminders, RefusesWhatCannotRemind) {
    EXPECT_EQ(Refusal(Spec({Text("name").Reminds("x")})), "only a date field can remind");
    EXPECT_EQ(
        Refusal(Spec({Text("who"), DateField("due").Reminds("x").RemindsUser("who")})),
        "reminds 'who', not a user field"
    );
    EXPECT_EQ(
        Refusal(Spec({DateField("due").Reminds("x").SettledWhen("status", {"done"})})),
        "settled by unknown field 'status'"
    );
    EXPECT_EQ(
        Refusal(Spec({DateField("due").SettledWhen("due", {"x"})})),
        "reminder settings without Reminds()"
    );
}

}  // namespace
}  // namespace isms::schema
