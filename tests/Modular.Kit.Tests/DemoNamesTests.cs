using Modular.Kit.Records;

namespace Modular.Kit.Tests;

public sealed class DemoNamesTests
{
    [Fact]
    public void A_demo_person_is_a_surname_then_mou_as_documents_write_a_withheld_name()
    {
        Assert.Equal("王某某", DemoNames.Person(0));
        Assert.Equal("李某某", DemoNames.Person(1));
        Assert.Equal("王某", DemoNames.Person(DemoNames.SurnameCount));
        Assert.Equal("王某英", DemoNames.Person(2 * DemoNames.SurnameCount));
        foreach (var name in Enumerable.Range(0, 500).Select(DemoNames.Person))
        {
            Assert.Matches("^[\u4e00-\u9fff]某(某|[\u4e00-\u9fff])?$", name);
        }
    }

    [Fact]
    public void The_first_ninety_six_people_all_have_different_names_and_the_same_index_gives_the_same_name()
    {
        var names = Enumerable.Range(0, 3 * DemoNames.SurnameCount).Select(DemoNames.Person).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(names, Enumerable.Range(0, 3 * DemoNames.SurnameCount).Select(DemoNames.Person));
    }

    [Fact]
    public void Members_of_one_family_share_its_surname_and_no_two_are_alike()
    {
        var family = Enumerable.Range(0, 18).Select(i => DemoNames.OfFamily("杨", i)).ToList();
        Assert.Equal(["杨某某", "杨某", "杨某英"], family.Take(3));
        Assert.All(family, n => Assert.StartsWith("杨某", n));
        Assert.Equal(family.Count, family.Distinct().Count());
    }
}
