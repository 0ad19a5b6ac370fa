using CustomerCare.Core;
using CustomerCare.Kvp.History;
using NodaTime;

namespace CustomerCare.Kvp.Metrics;

public sealed partial class KvpMetricsAccumulator
{
    /// <summary>Feeds one interaction.</summary>
    /// <param name="interaction">The interaction. A bad record is counted and reported, never thrown.</param>
    public void Add(in InteractionRecord interaction)
    {
        _recordsProcessed++;
        _instruments?.RecordProcessed(InteractionType);
        ProcessDeadlines(interaction.OccurredAt);

        if (interaction.Channel == default)
        {
            ReportBad(BadRecordKind.MissingField, InteractionType, interaction.Position, interaction.Concern, "The interaction names no channel; it was left out.");
            return;
        }

        if (!IsDefined(interaction.Direction) || !IsDefined(interaction.Author) || !IsDefined(interaction.Kind)
            || !IsDefined(interaction.SelfServiceOutcome))
        {
            ReportBad(BadRecordKind.UnknownValue, InteractionType, interaction.Position, interaction.Concern,
                "The interaction's direction, author, kind or self-service outcome is not defined; it was left out.");
            return;
        }

        ConcernState? state = null;
        var at = interaction.OccurredAt;
        if (interaction.Concern != default)
        {
            if (_outOfScope.Contains(interaction.Concern))
            {
                return;
            }

            if (_concerns.TryGetValue(interaction.Concern, out state))
            {
                at = ClampToConcern(state, at, InteractionType, interaction.Position);
            }
            else
            {
                ReportBad(BadRecordKind.UnknownConcern, InteractionType, interaction.Position, interaction.Concern,
                    "The interaction names a concern that was never opened or is no longer kept; it counts for the channel, survey and cost figures only.");
            }
        }
        else if ((_openedWithin is { } window && !window.Contains(at)) || (_reasonScope is not null && !IsInReasonScope(interaction.Reason)))
        {
            return;
        }

        var reasonState = state?.ReasonState ?? LookUpReason(interaction.Reason);
        var product = state?.Product ?? (interaction.Reason == default ? null : ProductOf(interaction.Reason));

        switch (interaction.Kind)
        {
            case InteractionKind.SelfServiceSession:
                AddSelfServiceSession(interaction, at);
                break;
            case InteractionKind.BotConversation:
                AddBotConversation(interaction, at);
                break;
            case InteractionKind.SurveyInvitation:
                _surveyInvitations++;
                break;
            case InteractionKind.SurveyResponse:
                AddSurveyResponse(interaction, reasonState, product);
                break;
        }

        if (interaction.IsCustomerContact)
        {
            AddCustomerContact(interaction, state, reasonState, product, at);
        }
        else if (interaction.IsPersonReply && state is not null)
        {
            AddPersonReply(state, at);
        }

        AddWorkTime(interaction, state);

        if (!string.IsNullOrWhiteSpace(interaction.UsageNote) && product is not null)
        {
            AddUsageNote(product, interaction.UsageNote);
        }
    }

    private ReasonState? LookUpReason(ContactReason reason) =>
        reason == default ? null : ReasonOf(reason);

    private void AddCustomerContact(in InteractionRecord interaction, ConcernState? state, ReasonState? reasonState, SeriesState? product, Instant at)
    {
        _customerContacts++;
        ChannelOf(interaction.Channel).Contacts++;
        if (reasonState is not null)
        {
            reasonState.Contacts++;
        }

        if (product is not null)
        {
            product.Contacts++;
        }

        _all.Contacts++;
        FailPendingBotResolutions(interaction.Customer, at);
        if (state is null)
        {
            return;
        }

        _concernContacts++;
        state.FirstInteractionSeen = true;
        state.CustomerContacts++;
        if (state.HasContact && at - state.LastContactAt < _repeatWindow)
        {
            _repeatContacts++;
        }

        state.HasContact = true;
        state.LastContactAt = at;
        if (state.EverResolved && at < state.FirstResolvedAt + _fcrWindow)
        {
            state.FirstContactResolutionBroken = true;
        }

        if (!state.HasUnansweredMessage)
        {
            state.HasUnansweredMessage = true;
            state.OldestUnansweredAt = at;
        }
    }

    private void AddPersonReply(ConcernState state, Instant at)
    {
        if (!state.FirstInteractionSeen)
        {
            // A person opened the concern with this public message, so it is not a response: the person's next public
            // message is the first response.
            state.FirstInteractionSeen = true;
            return;
        }

        if (!state.FirstReplyRecorded)
        {
            state.FirstReplyRecorded = true;
            _firstResponse.AddSpan(state.OpenedAt, at, out var seconds, out var business);
            _instruments?.RecordFirstResponse(seconds, _calendar is null ? null : business, state.Channel.Name);
        }

        if (state.HasUnansweredMessage)
        {
            state.HasUnansweredMessage = false;
            _nextResponse.AddSpan(state.OldestUnansweredAt, at, out _, out _);
        }
    }

    private void AddWorkTime(in InteractionRecord interaction, ConcernState? state)
    {
        if (interaction.WorkTime < Duration.Zero)
        {
            ReportBad(BadRecordKind.NegativeWorkTime, InteractionType, interaction.Position, interaction.Concern,
                $"The work time {interaction.WorkTime} is negative; it was left out.");
            return;
        }

        if (interaction.WorkTime == Duration.Zero || interaction.Author != AuthorType.Person)
        {
            return;
        }

        var rank = Math.Max(1, interaction.Level.Rank);
        var seconds = interaction.WorkTime.TotalSeconds;
        _handleTime.AddMeasured(seconds, 0);
        var channel = ChannelOf(interaction.Channel);
        channel.HandleTime.Add(seconds);
        var level = LevelOf(rank);
        level.HandleTime.Add(seconds);
        _instruments?.RecordHandleTime(seconds, interaction.Channel.Name, rank);

        if (_costModel is null)
        {
            return;
        }

        var cost = (decimal)interaction.WorkTime.TotalMinutes * _costModel.GetCostPerHandledMinute(interaction.Level);
        _handledCost += cost;
        channel.Cost += cost;
        level.Cost += cost;
        if (state is not null)
        {
            state.Cost += cost;
        }
    }

    private void AddSelfServiceSession(in InteractionRecord interaction, Instant at)
    {
        _selfServiceSessions++;
        AddAutomatedCost(interaction.Channel);
        if (interaction.SelfServiceOutcome == SelfServiceOutcome.Resolved)
        {
            _selfServiceResolutions++;
        }
        else if (interaction.SelfServiceOutcome == SelfServiceOutcome.HandedOffNoMatch)
        {
            AddKnowledgeGap(interaction.Query, at);
        }
    }

    private void AddBotConversation(in InteractionRecord interaction, Instant at)
    {
        _botConversations++;
        AddAutomatedCost(interaction.Channel);
        switch (interaction.SelfServiceOutcome)
        {
            case SelfServiceOutcome.Resolved:
                _botResolutions++;
                var pending = new PendingBotResolution(interaction.Customer);
                if (interaction.Customer != default)
                {
                    if (!_pendingBots.TryGetValue(interaction.Customer, out var list))
                    {
                        list = [];
                        _pendingBots.Add(interaction.Customer, list);
                    }

                    list.Add(pending);
                }

                var window = _messagingChannels.Contains(interaction.Channel) ? _messagingBotWindow : _botWindow;
                _deadlines.Enqueue(new Deadline(DeadlineKind.BotVerification, pending), (at + window).ToUnixTimeTicks());
                break;
            case SelfServiceOutcome.HandedOff:
                _botHandOffs++;
                FailPendingBotResolutions(interaction.Customer, at);
                break;
            case SelfServiceOutcome.HandedOffNoMatch:
                _botHandOffs++;
                FailPendingBotResolutions(interaction.Customer, at);
                AddKnowledgeGap(interaction.Query, at);
                break;
        }
    }

    private void AddAutomatedCost(Channel channel)
    {
        if (_costModel is null)
        {
            return;
        }

        _automatedCost += _costModel.CostPerAutomatedContact;
        ChannelOf(channel).Cost += _costModel.CostPerAutomatedContact;
    }

    private void FailPendingBotResolutions(CustomerId customer, Instant at)
    {
        if (customer == default || !_pendingBots.Remove(customer, out var list))
        {
            return;
        }

        foreach (var pending in list)
        {
            if (!pending.Decided && !pending.Failed)
            {
                pending.Failed = true;
                _botFailed++;
            }
        }
    }

    private void DecideBotVerification(PendingBotResolution pending)
    {
        pending.Decided = true;
        if (!pending.Failed)
        {
            _botVerified++;
        }

        if (pending.Customer != default && _pendingBots.TryGetValue(pending.Customer, out var list))
        {
            list.Remove(pending);
            if (list.Count == 0)
            {
                _pendingBots.Remove(pending.Customer);
            }
        }
    }

    private void AddSurveyResponse(in InteractionRecord interaction, ReasonState? reasonState, SeriesState? product)
    {
        _surveyResponses++;
        var answers = interaction.Survey;
        if (answers.Satisfaction is { } satisfaction)
        {
            if (satisfaction is < 1 or > 5)
            {
                ReportBadSurvey(interaction, $"The satisfaction answer {satisfaction} is outside 1 to 5; it was left out.");
            }
            else
            {
                var satisfied = satisfaction >= 4;
                _csatAnswers++;
                _csatSatisfied += satisfied ? 1 : 0;
                _all.CsatAnswers++;
                _all.CsatSatisfied += satisfied ? 1 : 0;
                if (reasonState is not null)
                {
                    reasonState.CsatAnswers++;
                    reasonState.CsatSatisfied += satisfied ? 1 : 0;
                }

                if (product is not null)
                {
                    product.CsatAnswers++;
                    product.CsatSatisfied += satisfied ? 1 : 0;
                }
            }
        }

        if (answers.Recommendation is { } recommendation)
        {
            switch (recommendation)
            {
                case < 0 or > 10:
                    ReportBadSurvey(interaction, $"The recommendation answer {recommendation} is outside 0 to 10; it was left out.");
                    break;
                case >= 9:
                    _promoters++;
                    break;
                case >= 7:
                    _passives++;
                    break;
                default:
                    _detractors++;
                    break;
            }
        }

        if (answers.Effort is { } effort)
        {
            if (effort is < 1 or > 7)
            {
                ReportBadSurvey(interaction, $"The effort answer {effort} is outside 1 to 7; it was left out.");
            }
            else
            {
                _effortAnswers++;
                _effortSum += effort;
                _effortAgree += effort >= 5 ? 1 : 0;
                _effortDisagree += effort <= 3 ? 1 : 0;
            }
        }
    }

    private void ReportBadSurvey(in InteractionRecord interaction, string message) =>
        ReportBad(BadRecordKind.InvalidSurveyAnswer, InteractionType, interaction.Position, interaction.Concern, message);

    private void AddUsageNote(SeriesState product, string note)
    {
        var key = note.Trim();
        if (product.UsageNotes.TryGetValue(key, out var count))
        {
            product.UsageNotes[key] = count + 1;
        }
        else if (product.UsageNotes.Count < _maxUsageNotes)
        {
            product.UsageNotes.Add(key, 1);
        }
        else
        {
            product.OtherUsageNotes++;
        }
    }

    private void AddKnowledgeGap(string? query, Instant at)
    {
        var terms = KnowledgeGapTerms.Normalize(query);
        if (terms.Length == 0)
        {
            _ungroupedKnowledgeGaps++;
            return;
        }

        if (_knowledgeGaps.TryGetValue(terms, out var gap))
        {
            _knowledgeGaps[terms] = (gap.Count + 1, Instant.Max(gap.LastSeen, at));
        }
        else if (_knowledgeGaps.Count < _maxKnowledgeGapGroups)
        {
            _knowledgeGaps.Add(terms, (1, at));
        }
        else
        {
            _ungroupedKnowledgeGaps++;
        }
    }
}
