using Xunit;

namespace Cutout.Tests;

public class AutoRuleTests
{
    // A 100 x 100 frame whose first `pixels` pixels the people model calls person.
    static float[] PeopleAlpha(int pixels)
    {
        var alpha = new float[100 * 100];
        alpha.AsSpan(0, pixels).Fill(0.9f);
        return alpha;
    }

    [Fact]
    public void A_person_covering_one_percent_of_the_frame_keeps_the_people_model()
    {
        Assert.True(AutoRule.KeepPeople(PeopleAlpha(100)));
        Assert.True(AutoRule.KeepPeople(PeopleAlpha(2_000)));
    }

    [Fact]
    public void Less_person_than_that_hands_the_photo_to_the_general_model()
    {
        // 0.7 % of the frame, which the 0.5 % rule of people version 3 kept as a person (README, "Which model").
        Assert.False(AutoRule.KeepPeople(PeopleAlpha(70)));
        Assert.False(AutoRule.KeepPeople(PeopleAlpha(0)));
    }
}
