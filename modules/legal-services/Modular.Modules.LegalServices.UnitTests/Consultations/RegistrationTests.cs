using Modular.Contracts.Time;
using Modular.Kit.Input;
using Modular.Modules.LegalServices.Consultations;
using Modular.Modules.LegalServices.Consultations.Steps;
using static Modular.Modules.LegalServices.UnitTests.Consultations.Consultations;

namespace Modular.Modules.LegalServices.UnitTests.Consultations;

public sealed class RegistrationTests
{
    private static RegisterConsultationInput Input(string channel) => new()
    {
        Channel = channel,
        Topic = "LabourWages",
        Name = "杨正祥",
        Phone = "13912345678",
        Village = "双河村",
        Question = "工地拖欠工资怎么办？",
        ReceivedAt = At(Received),
    };

    [Fact]
    public void A_letter_takes_the_township_s_letter_period_and_an_online_message_its_hours_as_they_stand_at_receipt()
    {
        var settings = new ConsultationSettings { LetterDays = 5, LetterUnit = PeriodUnit.WorkingDays, OnlineReplyHours = 12 };
        var letter = RegisterConsultation.Decide(Input("Letter"), Now, settings, new InputErrors())!;
        Assert.Equal((5, PeriodUnit.WorkingDays), (letter.LetterDays!.Value, letter.LetterUnit!.Value));
        Assert.Null(letter.ReplyHours);

        var online = RegisterConsultation.Decide(Input("Online"), Now, settings, new InputErrors())!;
        Assert.Equal(12, online.ReplyHours);
        Assert.Null(online.LetterDays);

        var hall = RegisterConsultation.Decide(Input("Hall"), Now, settings, new InputErrors())!;
        Assert.Null(hall.LetterDays);
        Assert.Null(hall.ReplyHours);
        Assert.Equal(Received, hall.ReceivedAt);
    }

    [Fact]
    public void Every_bad_field_of_a_registration_is_named_at_once()
    {
        var errors = new InputErrors();
        var input = new RegisterConsultationInput { Channel = "Fax", Topic = "7", IdNumber = "520527197001010022", Phone = "abc", ReceivedAt = "2999-01-01T09:00" };
        Assert.Null(RegisterConsultation.Decide(input, Now, new ConsultationSettings(), errors));
        foreach (var field in new[] { "channel", "topic", "name", "idNumber", "phone", "village", "question", "receivedAt" })
        {
            Assert.True(errors.Has(field), field);
        }
    }

    [Fact]
    public void A_letter_with_neither_phone_nor_address_cannot_be_answered()
    {
        var errors = new InputErrors();
        var input = Input("Letter");
        input.Phone = null;
        Assert.Null(RegisterConsultation.Decide(input, Now, new ConsultationSettings(), errors));
        Assert.True(errors.Has("address"));
    }

    [Fact]
    public void A_township_may_shorten_the_standard_s_periods_but_never_lengthen_them()
    {
        var shorter = new InputErrors();
        Assert.Equal(new ConsultationPeriodsSet(5, PeriodUnit.WorkingDays, 12),
            ConsultationSettingsStore.Decide(new ConsultationSettingsInput { LetterDays = 5, LetterUnit = "WorkingDays", OnlineReplyHours = 12 }, shorter));

        var longer = new InputErrors();
        Assert.Null(ConsultationSettingsStore.Decide(new ConsultationSettingsInput { LetterDays = 10, LetterUnit = "WorkingDays", OnlineReplyHours = 48 }, longer));
        Assert.True(longer.Has("letter.length"));
        Assert.True(longer.Has("onlineReplyHours"));
    }

    [Fact]
    public void An_online_message_is_due_24_hours_after_it_arrived_through_the_night()
    {
        var c = Registered(Modular.Modules.LegalServices.Consultations.ConsultationChannel.Online);
        Assert.Equal(Received.AddHours(24), c.ReplyDueAt);
    }
}
