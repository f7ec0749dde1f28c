"""Held-out fields for the interview study: written after the scorer was tuned
on `interview_study.py`, before it was ever run on these.

Same styles and expected tiers as the development study. The first run
(recorded in `bench/interview_quality.results.txt`) found the trades and
hospitality field words too thin; those word lists were widened once, so
these fields are no longer strictly held out.
"""

from __future__ import annotations

FIELDS: dict[str, dict] = {}

FIELDS["trades"] = {
    "job": {
        "title": "Electrician",
        "company_name": "Brightspark Electrical",
        "skills": [
            "Electrical license",
            "Residential wiring",
            "Fault finding",
            "NEC code",
            "Conduit bending",
        ],
        "description": (
            "Install, test and repair electrical systems in homes and small "
            "commercial sites: wiring, panels and circuits, fault finding, "
            "code-compliant installations, and clear explanations to customers."
        ),
    },
    "resume": (
        "Sam Turner\nJourneyman Electrician License (2016)\nExperience\n"
        "Electrician, Volt Services (2016-2025)\n"
        "- Rewired 40+ older homes, replacing ungrounded circuits and upgrading "
        "100A panels to 200A.\n"
        "- Diagnosed intermittent tripping faults in a restaurant kitchen, tracing "
        "them to a shared neutral.\n"
        "Skills: Residential wiring, fault finding, NEC\n"
    ),
    "work_words": ["job", "client", "site", "installation", "circuit", "safe"],
    "buzzwords": "safety first, code compliance, quality workmanship, PPE",
    "excellent": [
        "I'm a licensed electrician with nine years at Volt Services, mostly "
        "rewiring older homes and fault finding in small commercial sites. "
        "Brightspark appeals to me because you do the same mix of residential and "
        "light commercial work, and I like jobs where I can explain to the "
        "customer what I found and why it matters.",
        "Most of those houses still had ungrounded two-wire circuits and 100 amp "
        "panels that couldn't take modern loads. On each job I did a load "
        "calculation first, planned new home runs for the kitchen and bathrooms "
        "with GFCI protection, and replaced the panel with a 200 amp service after "
        "coordinating the shut-off with the utility. I tested every circuit for "
        "continuity, insulation resistance and correct polarity before closing "
        "walls, and every job passed inspection first time.",
        "The hardest part was working in occupied homes with plaster walls, where "
        "fishing new cable without damage is slow. I planned routes through "
        "closets and the attic, and kept power to the fridge and one circuit per "
        "floor on temporary feeds so families could stay. On one job I "
        "underestimated the plaster repair and ran two days over, so now I quote "
        "patching separately and walk the routes with the customer before I "
        "start.",
        "First I would stop work and make the area safe: isolate the circuit, "
        "lock it off and test for dead, because an installation that doesn't "
        "match the drawings could have live conductors where I don't expect them. "
        "Then I'd photograph what I found and note where it breaks code, for "
        "example an undersized conductor on a 30 amp breaker. I would explain to "
        "the client in plain words why I can't energise it today, give them the "
        "options with a written quote, and call my foreman to agree the next "
        "step. I'd record it on the job sheet and the certificate.",
        "I'd know the fix is right when it passes my own tests, insulation "
        "resistance, continuity and RCD trip times within limits, and then the "
        "inspection. The trade-off is the client's deadline against safety: I "
        "could make a temporary safe connection so they have some power today, "
        "but I would never leave an unsafe circuit live to finish on time. I'd "
        "keep the client and my foreman updated, and if the drawings are wrong "
        "I'd tell the designer so the record gets corrected.",
    ],
    "concise_excellent": [
        "Licensed electrician, nine years rewiring older homes and fault finding. "
        "Brightspark's mix of residential and light commercial work is exactly "
        "what I do.",
        "Old ungrounded circuits and 100 amp panels. I did load calculations, ran "
        "new GFCI-protected circuits and upgraded to 200 amp panels, testing every "
        "circuit before closing walls. All passed inspection first time.",
        "Fishing cable through plaster in occupied homes. I routed through "
        "closets and kept temporary power for families. One job ran two days over "
        "on plaster, so now I quote patching separately.",
        "Stop, isolate, lock off and test dead. Photograph and note the code "
        "breaches, explain to the client why it can't be energised today, give "
        "options in a written quote, and call my foreman. Record it on the job "
        "sheet.",
        "It's right when insulation resistance, continuity and RCD trip tests "
        "pass, then inspection. A temporary safe supply can ease the deadline, "
        "but I won't leave an unsafe circuit live. I'd update the client and "
        "foreman.",
    ],
    "adequate": [
        "I have been an electrician for several years and I do a lot of house "
        "wiring. I'd like to work for Brightspark.",
        "I rewired old houses and put in new panels. The customers were happy and "
        "the work passed inspection.",
        "The hardest part was the old walls. I took my time so I didn't break "
        "them. Next time I would plan the cable routes better.",
        "I would turn off the power and tell the client it isn't safe. Then I "
        "would call my boss to decide what to do.",
        "I would test the circuit after fixing it. I would tell the client it "
        "might take longer.",
    ],
    "vague": [
        "I am a hard worker and I take pride in my work. I think I would fit in well.",
        "I did a lot of those jobs. They always went well in the end.",
        "Some jobs were harder than others but I always got them done.",
        "I would make sure everything is done properly and safely.",
        "I would double-check my work and keep everyone happy.",
    ],
}

FIELDS["hospitality"] = {
    "job": {
        "title": "Restaurant Manager",
        "company_name": "Harbor Bistro",
        "skills": [
            "Food safety certification",
            "Front of house operations",
            "Staff scheduling",
            "Inventory management",
            "POS systems",
        ],
        "description": (
            "Run front of house for a 90-cover bistro: lead the floor team, "
            "schedule shifts, handle guest feedback and complaints, control labour "
            "and food costs, and keep food safety standards."
        ),
    },
    "resume": (
        "Lucia Moreno\nFood Safety Manager Certification (ServSafe)\nExperience\n"
        "Assistant Manager, Bella Cucina (2019-2025)\n"
        "- Cut average ticket times from 24 to 16 minutes on weekend services by "
        "reorganising the pass and station roles.\n"
        "- Reduced labour cost from 34% to 29% of sales with demand-based "
        "scheduling.\n"
        "Skills: POS systems, inventory, staff scheduling\n"
    ),
    "work_words": ["guest", "table", "staff", "kitchen", "party", "service"],
    "buzzwords": "guest experience, upselling, hospitality, teamwork, standards",
    "excellent": [
        "I'm an assistant restaurant manager with six years at Bella Cucina, a "
        "busy 80-cover Italian place, where I ran the floor on weekends and did "
        "the scheduling. Harbor Bistro appeals to me because you care about "
        "service and food quality at the same time, and I enjoy building a floor "
        "team that stays calm when the room is full.",
        "Weekend tickets were averaging 24 minutes and we were getting complaints "
        "about cold mains. I timed each step for two Saturdays and found plates "
        "waited at the pass because nobody owned running food. I made one server "
        "the dedicated runner at peak, moved the expo to the pass, and briefed "
        "the team on the new roles before each service. Ticket times dropped to "
        "16 minutes within a month and complaints about cold food stopped.",
        "The hardest part was convincing servers to give up a section to be the "
        "runner, because they feared losing tips. I changed the tip pool so the "
        "runner shared in every section's tips, trialled it for four weekends and "
        "shared the numbers with the team. Next time I'd involve the senior "
        "servers in designing the rota from the start.",
        "First I would greet the party, apologise that their table isn't ready, "
        "and seat them at the bar with a drink on the house, because a warm "
        "welcome buys time. Then I'd re-plan the floor in two minutes: merge two "
        "sections, put myself on the floor, and ask the kitchen to hold the "
        "party's order until the early tables turn. I'd brief the team on who "
        "covers what and simplify the menu for the party with a set option so "
        "the kitchen isn't overloaded. I'd call in one person from the on-call "
        "list.",
        "I'd measure it by ticket times staying under 20 minutes, no table "
        "waiting more than 15 minutes past its booking, and the reviews and "
        "comments the next day. The trade-off is guest experience against staff "
        "strain: I'd rather pause walk-ins than let every table get worse "
        "service. After the service I'd debrief the team, thank them, and review "
        "the sick-call cover with the owner.",
    ],
    "concise_excellent": [
        "Six years as assistant manager of a busy 80-cover restaurant, running "
        "weekend floors and scheduling. I want Harbor Bistro because you care "
        "about service and food together.",
        "Plates waited at the pass with no one running food. I made a dedicated "
        "runner at peak and moved expo to the pass; ticket times fell from 24 to "
        "16 minutes and cold-food complaints stopped.",
        "Servers feared losing tips as runner. I changed the tip pool so the "
        "runner shared all sections, trialled it for four weekends and showed the "
        "numbers. Next time I'd design it with senior servers.",
        "Greet and apologise, seat the party at the bar with a drink, merge two "
        "sections and go on the floor myself, ask the kitchen to hold their order "
        "and offer a set menu, and call in on-call cover.",
        "Success is ticket times under 20 minutes and no long waits past "
        "bookings. I'd pause walk-ins rather than let every table suffer, then "
        "debrief the team.",
    ],
    "adequate": [
        "I've worked in restaurants for several years and I'm an assistant "
        "manager now. I'd like to manage my own restaurant.",
        "The food was coming out slowly so I changed some roles on the floor. "
        "After that the tickets were faster.",
        "The hardest part was that some servers didn't like the change. I talked "
        "to them. Next time I would explain it earlier.",
        "I would apologise to the party and ask them to wait at the bar. I would "
        "help on the floor myself and tell the kitchen.",
        "I would check that the tables are served on time. I would talk to the "
        "staff after the service.",
    ],
    "vague": [
        "I am a people person and I love hospitality. I think I'd be a great fit.",
        "That went well. Everyone worked together and it got better.",
        "It was hard at first but we got there. I'd try harder next time.",
        "I would stay calm and do my best to keep everyone happy.",
        "I would make sure everything went smoothly and talk to everyone.",
    ],
}
