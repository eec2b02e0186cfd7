// The test corpus of issue 13, shared by the pipeline's and the CLI's
// tests (`include!`d): one wire story as five outlets ran it, and other
// stories on the same topic.

/// The wire story's body, as every outlet ran it.
const WIRE: &[&str] = &[
    "Russia deployed troops to Belarus on Monday, the defence ministry in Minsk said, in the largest movement of forces into the country since the start of the year.",
    "Jens Stoltenberg condemned Russia for the deployment and said the alliance was watching the border closely.",
    "Ukraine accused Russia of preparing a new offensive from the north, and its foreign minister urged allies to send more air defence systems.",
    "Officials in Warsaw said Poland would move additional units to its eastern border, where a fence was completed last year.",
    "The Belarusian president said the troops would take part in joint exercises that would last until the end of the month.",
    "Satellite images taken over the weekend showed columns of armoured vehicles and field hospitals near the town of Mazyr.",
    "Analysts said the exercises followed a pattern seen before the invasion of 2022, when forces that arrived for drills stayed on.",
    "Lithuania said it had raised the readiness of its border guards and asked its partners for more patrol aircraft over the region.",
    "The Kremlin said the deployment was a routine matter between allies and posed no threat to any neighbouring state.",
    "Foreign ministers of the alliance are due to meet in Brussels next week, where the situation on the border is expected to top the agenda.",
];

/// Each outlet: its name, headline, byline and sign-off, and its own
/// closing paragraph.
const OUTLETS: &[(&str, &str, &str, &str, &str)] = &[
    ("wire", "Russia moves troops into Belarus", "By a staff reporter", "Reporting by the wire desk; editing by the night team.", "More reporting on the region is available to subscribers."),
    ("daily-herald", "Russian troops pour into Belarus as NATO watches", "From our correspondent in Vilnius", "Sign up for our morning newsletter.", "The Herald's correspondent in Vilnius contributed to this report from the border."),
    ("evening-post", "Belarus build-up: what we know", "Evening Post foreign desk", "Copyright Evening Post 2024. All rights reserved.", "Readers can follow live updates on the Evening Post website throughout the day."),
    ("the-observer", "Kremlin sends forces to Belarus for drills", "Observer staff and agencies", "Share this article with your friends.", "This story has been updated with comment from Lithuanian officials."),
    ("metro-news", "Troops, tanks and a warning: Russia in Belarus", "Metro News world team", "Follow Metro News on social media for more.", "An earlier version of this story misstated the name of a Belarusian town."),
];

/// Other stories on the same topic, in other words.
const UNRELATED: &[&str] = &[
    "NATO foreign ministers met in Brussels on Thursday to discuss support for Ukraine.\n\nThe ministers agreed to speed up deliveries of ammunition and to review the alliance's plans for its eastern flank.\n\nPoland called on its partners to spend more on defence, and Germany said it would station a brigade in Lithuania permanently.",
    "Belarus held elections for its parliament on Sunday, with opposition candidates barred from standing.\n\nObservers from the region were not invited, and the European Union condemned Belarus for the conduct of the vote.\n\nThe president's party won every seat, the electoral commission said, and turnout was reported at more than seventy per cent.",
    "Ukraine accused Russia of shelling the city of Kharkiv overnight, damaging a power station and several apartment blocks.\n\nRescue workers searched the rubble through the morning, and the mayor said the city would need weeks to restore electricity.\n\nRussia denied targeting civilian buildings and said its strikes had hit military sites used to repair equipment sent by Western countries.",
];

/// Each outlet's copy: (source, headline, text): headline and byline, the
/// wire's body, the outlet's closing paragraph and sign-off.
#[allow(dead_code)]
fn outlet_copies() -> Vec<(&'static str, &'static str, String)> {
    OUTLETS
        .iter()
        .map(|(source, title, byline, signoff, closing)| {
            let mut paragraphs = vec![title.to_string(), byline.to_string()];
            paragraphs.extend(WIRE.iter().map(|p| p.to_string()));
            paragraphs.push(closing.to_string());
            paragraphs.push(signoff.to_string());
            (*source, *title, paragraphs.join("\n\n"))
        })
        .collect()
}
