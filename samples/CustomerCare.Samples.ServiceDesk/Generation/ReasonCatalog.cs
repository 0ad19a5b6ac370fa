using CustomerCare.Core;

namespace CustomerCare.Samples.ServiceDesk.Generation;

/// <summary>
/// The contact reasons of a fictional broadband and mobile provider, weighted after the usual shape of such a desk:
/// billing and account questions dominate and are mostly standard, faults need the second level, and a few legal or
/// network problems reach the third.
/// </summary>
internal static class ReasonCatalog
{
    public static IReadOnlyList<ReasonProfile> Default { get; } =
    [
        Profile("billing/invoice-copy", "billing", 14, 1, "billing", inKnowledgeBase: true,
            "Where can I download my invoices? You find every invoice under My Account, Invoices, as a PDF.",
            en: ["Can you send me a copy of my last invoice?", "Where do I find my bill for last month?", "I need the invoice for my records"],
            de: ["Können Sie mir eine Kopie meiner letzten Rechnung schicken?", "Wo finde ich meine Rechnung vom letzten Monat?"]),
        Profile("account/password-reset", "account", 12, 1, "account", inKnowledgeBase: true,
            "How do I reset my password? Use Forgot password on the login page; the reset link is valid for one hour.",
            en: ["I forgot my password and cannot log in", "How do I reset my password?", "The password reset link does not work"],
            de: ["Ich habe mein Passwort vergessen und kann mich nicht anmelden", "Wie setze ich mein Passwort zurück?"]),
        Profile("internet/outage", "fiber-internet", 10, 2, "network", inKnowledgeBase: false,
            "Internet outage: check the status page for your area; if there is no known outage, restart the router and report the light pattern.",
            en: ["My internet has been down since this morning", "No internet connection at all, the router light is red", "Internet outage in my street again"],
            de: ["Mein Internet ist seit heute Morgen ausgefallen", "Keine Internetverbindung, die Lampe am Router leuchtet rot"]),
        Profile("billing/payment-failed", "billing", 8, 1, "billing", inKnowledgeBase: false,
            "Failed payment: update the bank details under My Account, Payment; we retry the direct debit after five days.",
            en: ["My payment failed, what do I do now?", "Why was my direct debit returned?", "I got a reminder but I paid"],
            de: ["Meine Zahlung ist fehlgeschlagen, was nun?", "Warum wurde meine Lastschrift zurückgebucht?"]),
        Profile("account/change-address", "account", 8, 1, "account", inKnowledgeBase: true,
            "Change of address: enter the new address under My Account, Personal data; it applies from the next invoice.",
            en: ["I moved and need to change my address", "Please update my postal address", "How do I change my billing address?"],
            de: ["Ich bin umgezogen und muss meine Adresse ändern", "Bitte aktualisieren Sie meine Anschrift"]),
        Profile("internet/slow-speed", "fiber-internet", 7, 2, "network", inKnowledgeBase: false,
            "Slow speed: measure with a cable at the router; if the speed stays below the contract minimum, we check the line.",
            en: ["My internet is much slower than what I pay for", "Speed drops every evening", "The download speed is very slow"],
            de: ["Mein Internet ist viel langsamer als vereinbart", "Die Geschwindigkeit bricht jeden Abend ein"]),
        Profile("internet/router-setup", "fiber-internet", 7, 1, "network", inKnowledgeBase: true,
            "Router setup: connect the fiber cable, wait for the white light, then scan the code on the router's back with the app.",
            en: ["How do I set up my new router?", "The router arrived, how do I connect it?", "Setting up the wifi on the new router"],
            de: ["Wie richte ich meinen neuen Router ein?", "Der Router ist da, wie schließe ich ihn an?"]),
        Profile("billing/refund", "billing", 6, 2, "billing", inKnowledgeBase: false,
            "Refunds: overpaid amounts are refunded to the account on file within ten business days after the correction.",
            en: ["I was charged twice and want a refund", "Please refund the wrong charge on my bill", "When do I get my money back?"],
            de: ["Mir wurde doppelt abgebucht, ich möchte eine Erstattung", "Bitte erstatten Sie die falsche Abbuchung"]),
        Profile("contract/upgrade", "mobile", 6, 1, "sales", inKnowledgeBase: false,
            "Upgrades: a faster plan can be booked any time under My Account, Contract; it starts the next day.",
            en: ["I want to upgrade to a faster plan", "Can I get more data on my mobile plan?", "Which upgrade options do I have?"],
            de: ["Ich möchte auf einen schnelleren Tarif wechseln", "Kann ich mehr Datenvolumen bekommen?"]),
        Profile("contract/cancel", "mobile", 5, 1, "sales", inKnowledgeBase: false,
            "Cancellation: the notice period is one month to the end of the month; we confirm in writing.",
            en: ["I want to cancel my contract", "How do I terminate my mobile plan?", "Please confirm my cancellation"],
            de: ["Ich möchte meinen Vertrag kündigen", "Bitte bestätigen Sie meine Kündigung"]),
        Profile("mobile/roaming", "mobile", 5, 1, "sales", inKnowledgeBase: true,
            "Roaming: in the EU your plan works as at home; outside, book a travel pack under My Account, Options.",
            en: ["Does my plan work abroad?", "How much does roaming cost in the US?", "My phone has no network abroad"],
            de: ["Funktioniert mein Tarif im Ausland?", "Was kostet Roaming in den USA?"]),
        Profile("mobile/sim-activation", "mobile", 4, 1, "account", inKnowledgeBase: false,
            "SIM activation: enter the 8-digit code from the SIM letter in the app; activation takes up to two hours.",
            en: ["My new SIM card is not activated", "How do I activate the SIM?", "The SIM shows no service"],
            de: ["Meine neue SIM-Karte ist nicht aktiviert", "Wie aktiviere ich die SIM?"]),
        Profile("tv/channel-missing", "tv", 3, 2, "network", inKnowledgeBase: false,
            "Missing TV channels: run a channel search in the receiver's menu; premium channels need the option booked.",
            en: ["Some TV channels are missing", "I cannot receive the sports channel", "TV shows no signal on several channels"],
            de: ["Einige Fernsehsender fehlen", "Ich empfange den Sportsender nicht"]),
        Profile("internet/line-fault", "fiber-internet", 3, 3, "network", inKnowledgeBase: false,
            "Line faults after a repair are measured from the exchange; a technician appointment follows within two days.",
            en: ["The technician was here but the line still fails", "Repeated disconnects after the repair", "The line fault is back for the third time"],
            de: ["Der Techniker war da, aber die Leitung fällt weiter aus", "Die Störung ist zum dritten Mal zurück"]) with { ReturnShare = 0.25 },
        Profile("complaint/data-protection", "account", 2, 3, "legal", inKnowledgeBase: false,
            "Data protection requests are answered within one month; the data protection officer confirms receipt.",
            en: ["I want a copy of all the data you store about me", "Please delete my personal data", "Who did you share my data with?"],
            de: ["Ich möchte eine Kopie aller über mich gespeicherten Daten", "Bitte löschen Sie meine Daten"]),
    ];

    private static ReasonProfile Profile(
        string reason, string product, int weight, int complexity, string skill, bool inKnowledgeBase, string answer,
        string[] en, string[] de) =>
        new(ContactReason.Parse(reason), product, weight, complexity, skill, new Dictionary<string, string[]> { ["en"] = en, ["de"] = de })
        {
            InKnowledgeBase = inKnowledgeBase,
            Answer = answer,
            HarderShare = complexity == 3 ? 0 : 0.1,
        };
}
