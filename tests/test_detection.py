"""Detection behaviour on the real pipeline: each category in several
phrasings, and the traps that must be left alone. Accuracy figures come
from `deid eval`, not from here."""

from __future__ import annotations

import pytest

from deid.linter import Linter

FOUND = [
    # (draft, identifier text, category)
    ("Lost her husband Mark in January.", "Mark", "NAME"),
    ("Her son eli is struggling at school.", "eli", "NAME"),
    ("Client is grieving; her ex, Darnell, moved out.", "Darnell", "NAME"),
    ("My client's daughter Hope is 10 and anxious.", "Hope", "NAME"),
    ("Client J.D. needs a DBT group.", "J.D.", "NAME"),
    ("The Okafor family is looking for family therapy.", "Okafor", "NAME"),
    ("Looking for a grief therapist for Maria Delgado, who lost her father.", "Maria Delgado", "NAME"),
    ("Teen client in Bend, OR, needs EMDR.", "Bend", "LOCATION"),
    ("Adult client near Sisters, Oregon.", "Sisters", "LOCATION"),
    ("Family lives at 1423 Elm St with grandma.", "1423 Elm St", "LOCATION"),
    ("Teen in Deschutes County needs support.", "Deschutes County", "LOCATION"),
    ("Currently inpatient at Sunrise Behavioral Health.", "Sunrise Behavioral Health", "LOCATION"),
    ("Her husband died on Jan 12 in the crash.", "Jan 12", "DATE"),
    ("He was admitted last Tuesday.", "last Tuesday", "DATE"),
    ("DOB 4/2/1988, referred by her PCP.", "4/2/1988", "DATE"),
    ("Her brother died on March 3rd.", "March 3rd", "DATE"),
    ("34F teacher, grieving.", "34F", "AGE"),
    ("Client is a 16yo with anxiety.", "16yo", "AGE"),
    ("A 52-year-old man with panic.", "52-year-old", "AGE"),
    ("Her father, aged 92, lives with them.", "92", "AGE"),
    ("Born in 1931, he is a veteran.", "1931", "AGE"),
    ("Her mom's cell is 541-555-0188.", "541-555-0188", "CONTACT"),
    ("Her email is kayla.m@example.com.", "kayla.m@example.com", "CONTACT"),
    ("Member ID XJH448812093 with Aetna.", "XJH448812093", "ID"),
    ("MRN 00482213 at intake.", "00482213", "ID"),
    ("SSN 219-09-9999 for the form.", "219-09-9999", "ID"),
    ("Her story: https://news.example.com/local/teen-rescued", "https://news.example.com/local/teen-rescued", "NETWORK"),
    ("Her TikTok is @kayla.m.2009.", "@kayla.m.2009", "NETWORK"),
    ("She works at Deschutes Brewery.", "Deschutes Brewery", "EMPLOYER"),
    ("Sophomore at Lincoln High.", "Lincoln High", "EMPLOYER"),
    ("Dad is stationed at Fort Liberty.", "Fort Liberty", "EMPLOYER"),
    ("Client is a city councilwoman.", "city councilwoman", "OCCUPATION"),
    ("She is a teacher at Hillcrest Elementary.", "teacher", "OCCUPATION"),
    ("Seeking EMDR for my 3pm Tuesday client.", "3pm Tuesday", "TIMING"),
    ("My Thursday 4 o'clock needs a specialist.", "Thursday 4 o'clock", "TIMING"),
    ("She sees me Mondays at 9 and is stuck.", "Mondays at 9", "TIMING"),
    ("My 8am wants couples work.", "8am", "TIMING"),
    ("Survived the Camp Fire and lost her home.", "Camp Fire", "DISTINCTIVE"),
    ("Photo attached so you can see the rash.", "Photo attached", "DISTINCTIVE"),
    ("She won the state lottery last year.", "won the state lottery", "DISTINCTIVE"),
    # Session 2 phrasings (batch D of the corpus showed them missing).
    ("Her husband was killed in the grain elevator explosion.", "grain elevator explosion", "DISTINCTIVE"),
    ("He is one of the only kids in Montana with progeria.", "progeria", "DISTINCTIVE"),
    ("cl has a spiderweb tattoo on his face, you'd know him", "spiderweb tattoo on his face", "DISTINCTIVE"),
    ("he's the guy from the viral Costco fight video", "viral Costco fight video", "DISTINCTIVE"),
    ("cl has fibrodysplasia ossificans progressiva (FOP)", "fibrodysplasia ossificans progressiva", "DISTINCTIVE"),
    ("She was named in a news story about the county jail last year.", "named in a news story about the county jail", "DISTINCTIVE"),
    ("my Monday/Wednesday 7am client is moving", "Monday/Wednesday 7am", "TIMING"),
    ("my last client on Fridays needs a group", "last client on Fridays", "TIMING"),
    ("I have her Thursdays at 3 and she wants DBT", "Thursdays at 3", "TIMING"),
    ("he's a professional hockey player with a concussion history", "professional hockey player", "OCCUPATION"),
    ("client is a well known local artist", "well known local artist", "OCCUPATION"),
    ("she's the head of the PTA at her kids' school", "head of the PTA", "OCCUPATION"),
    ("he's the only orthodontist in Hood River", "only orthodontist in Hood River", "DISTINCTIVE"),
    ("I have a client K., 58, who moved here last year.", "58", "AGE"),
    ("I have a young man, 16, with substance use.", "16", "AGE"),
    ("Client is Rusty Vanderpool, 67, retired.", "Rusty Vanderpool", "NAME"),
    ("The client I see right after lunch on Fridays is moving.", "right after lunch on Fridays", "TIMING"),
    ("need a rec for a police sergeant w/ Tacoma PD, critical incident PTSD", "Tacoma PD", "EMPLOYER"),
    ("She's on her parents' Regence plan. Corvallis in-person or telehealth.", "Corvallis", "LOCATION"),
    ("Her husband died the day after Thanksgiving.", "the day after Thanksgiving", "DATE"),
    ("She was widowed last month after 70 years of marriage.", "last month", "DATE"),
    ("She's a 3rd grade teacher and lives in Tulsa.", "3rd grade teacher", "OCCUPATION"),
    ("---------- Forwarded message ---------\nFrom: Linda Marsh <lm@example.org>\n\n"
     "Client is Eleanor Pruitt, aged 93, widowed.\n\nLinda", "Eleanor Pruitt", "NAME"),
    # Session 5 phrasings (blind batch F showed them missing).
    ("She is on Discovery Health, membership no. DH40217763.", "DH40217763", "ID"),
    ("Subject: case 2024-JV-00871, needs a trauma assessment", "2024-JV-00871", "ID"),
    ("The detective gave the family a report number, PD-25-118842, for records.", "PD-25-118842", "ID"),
    ("Her father can be reached on +91 80 555 0127.", "+91 80 555 0127", "CONTACT"),
    ("She's moving to the Phoenix metro next month, adult, bipolar I.", "next month", "DATE"),
    ("PTSD following a sexual assault last semester.", "last semester", "DATE"),
    ("She made an attempt the weekend of her birthday and was hospitalized.", "the weekend of her birthday", "DATE"),
    ("The family fled two days before Christmas.", "two days before Christmas", "DATE"),
    ("He went missing last August and it was all over the news.", "last August", "DATE"),
    ("need a therapist for tyler, 23, just discharged from rehab", "23", "AGE"),
    ("I am writing to refer Aarav, 16 yrs, a student.", "16 yrs", "AGE"),
    ("A photo of her at her 93rd birthday party.", "93rd", "AGE"),
    ("Just discharged from Maple Crest Recovery in Ohio.", "Maple Crest Recovery", "LOCATION"),
    ("I currently see him Wednesdays after school but he needs more.", "Wednesdays after school", "TIMING"),
    ("she's my first Monday slot and has been for 3 yrs", "first Monday slot", "TIMING"),
    ("still need an ED specialist for lexi (14), ARFID, Medicaid", "lexi", "NAME"),
    ("grief therapist asap for summer (22) whose boyfriend died", "summer", "NAME"),
    # Session 5, from blind batch G's misses.
    ('Client is Ma. Cristina Dela Peña ("Tin"), 27, nurse, postpartum depression', "27", "AGE"),
    ("a child psychologist for a boy of 11 with learning difficulties", "11", "AGE"),
    ("postpartum depression with anxiety, baby is 4 months.", "4 months", "AGE"),
    ("Es para una nena de 9 años en Caguas.", "9 años", "AGE"),
    ("ever since his dad got deported right before christmas he's been cutting", "right before christmas", "DATE"),
    ("he has been without services since mid-October.", "mid-October", "DATE"),
    ("lost her cousin to suicide last wk, grief", "last wk", "DATE"),
    ("alcohol withdrawal, now cleared, pending d/c Monday.", "Monday", "DATE"),
    ("Molina member ID M 0088 4127 30. wants in person", "M 0088 4127 30", "ID"),
    ("He'll be staying at the house on NE 82nd for now.", "NE 82nd", "LOCATION"),
    ("Re: Mr Hamish Dunbar, 14 Kelvin Crescent, Paisley", "14 Kelvin Crescent", "LOCATION"),
    ("his venmo is @Cody-Lytle-88 if anyone's seen that before", "@Cody-Lytle-88", "NETWORK"),
    ("Their username there is voidlark.exe and they are scared", "voidlark.exe", "NETWORK"),
    ("anyone able to pick up my standing Friday lunchtime client?", "Friday lunchtime", "TIMING"),
    ('client is Dominic Abruzzese ("Nico"), 26, cocaine use', "Nico", "NAME"),
    ("their boy goes by junior, he's 14, and is cutting", "junior", "NAME"),
    ("Trying to get a guy everyone calls Preacher connected to services", "Preacher", "NAME"),
    ("referral needed asap. client is Dominic Abruzzese, 26, cocaine use", "Dominic Abruzzese", "NAME"),
    ("His DOC number is 274118 if your intake needs it.", "274118", "ID"),
    ("Her A-number is 212-448-907 for the visit request.", "212-448-907", "ID"),
    ("Comp claim is WC-ND-88213; the adjuster approved 12 sessions.", "WC-ND-88213", "ID"),
    ("Subject: RE: placement 2025-JV-0417, therapy referral", "2025-JV-0417", "ID"),
    ("he streams as @KingVoltz and got swatted", "@KingVoltz", "NETWORK"),
    ("there's a fund for the family on CashApp ($MaureenStrong).", "$MaureenStrong", "NETWORK"),
    ("her handle is literally her full name (@Ocean-Begay-22) so", "@Ocean-Begay-22", "NETWORK"),
    # Session 5: DISTINCTIVE phrasing families (free-text events in blind posts).
    ("He's the one who pulled the kids out of the bus crash last week.", "pulled the kids out of the bus crash", "DISTINCTIVE"),
    ("She pulled a kid out of the river in June and now has nightmares.", "pulled a kid out of the river", "DISTINCTIVE"),
    ("New client is the bus driver who got punched on the 12 line.", "bus driver who got punched", "DISTINCTIVE"),
    ("She's the daughter of a famous NFL player, seeking a therapist.", "daughter of a famous NFL player", "DISTINCTIVE"),
    ("She sued the school district over the bullying and it was stressful.", "sued the school district over the bullying", "DISTINCTIVE"),
    ("Her last therapist leaked her diagnosis to her employer.", "leaked her diagnosis to her employer", "DISTINCTIVE"),
    ("Some of you will recognise him from the Channel 8 segment.", "Channel 8 segment", "DISTINCTIVE"),
    ("Teen with an extremely rare genetic condition, needs support.", "extremely rare genetic condition", "DISTINCTIVE"),
    ("She was a contestant on The Voice a few years ago.", "contestant on The Voice", "DISTINCTIVE"),
    ("He was at the Manchester Arena attack when he was 12.", "Manchester Arena attack", "DISTINCTIVE"),
    ("Her son survived the tanker explosion at Ojuelegba.", "tanker explosion at Ojuelegba", "DISTINCTIVE"),
    ("Client is the only woman on the volunteer fire crew.", "only woman on the volunteer fire crew", "DISTINCTIVE"),
    ("The mom who confronted the school board at the meeting is my client.", "confronted the school board at the meeting", "DISTINCTIVE"),
    # Session 5: OCCUPATION role families (modified public roles, judges, clergy, media, coaches, rare roles).
    ("Need a panic specialist for someone who is a local news anchor here.", "local news anchor", "OCCUPATION"),
    ("cl is the weekend weather guy on KOIN and needs grief support.", "weekend weather guy on KOIN", "OCCUPATION"),
    ("She's a sitting district court judge in a rural county.", "sitting district court judge", "OCCUPATION"),
    ("He is the lead pastor at a small church.", "lead pastor", "OCCUPATION"),
    ("He is an assistant basketball coach and his wife is struggling.", "assistant basketball coach", "OCCUPATION"),
    ("Client is a flight paramedic, wants someone who gets first responder culture.", "flight paramedic", "OCCUPATION"),
    ("She's a town councillor and worried about being seen.", "town councillor", "OCCUPATION"),
    ("A 38-year-old Year 6 teacher at St Anne's Primary.", "Year 6 teacher", "OCCUPATION"),
    ("She was the shave ice shop owner on Front Street everyone knew.", "shave ice shop owner", "OCCUPATION"),
    ("He works as a bouncer at the Blue Moon.", "bouncer", "OCCUPATION"),
    # Session 5: NAME positions (nicknames, partner of N years, lone initials, two-capital initials).
    ("Her husband Mark (everybody calls him Sarge) is using again.", "Sarge", "NAME"),
    ("My client's partner of 30 years, Will, died by suicide.", "Will", "NAME"),
    ("Her husband (Darnell) is supportive.", "Darnell", "NAME"),
    ("Uses daily. M. is available Thursday evenings.", "M.", "NAME"),
    ("Please help, 14yo boy, T., made a suicide attempt.", "T.", "NAME"),
    ("Medicaid referral in Youngstown? JT, teen, vaping daily.", "JT", "NAME"),
    # Session 5: EMPLOYER after more job phrasings, with its site or number.
    ("She moved to Munich when her husband took a job at BMW.", "BMW", "EMPLOYER"),
    ("He works underground at the Creighton mine on rotating shifts.", "Creighton mine", "EMPLOYER"),
    ("Client is a firefighter with Station 7 in a small town.", "Station 7", "EMPLOYER"),
    ("She was laid off from Boeing and is struggling.", "Boeing", "EMPLOYER"),
    # Session 5: LOCATION families abroad and in Hawaii.
    ("Kupuna with depression on Maui, telehealth ok.", "Maui", "LOCATION"),
    ("Subject: Kupuna with depression - Big Island", "Big Island", "LOCATION"),
    ("She's happy to travel within Gloucestershire.", "Gloucestershire", "LOCATION"),
    ("She lives in LS8. The NHS perinatal team has a wait.", "LS8", "LOCATION"),
    ("A psychiatrist in Koramangala or HSR Layout?", "HSR Layout", "LOCATION"),
    # Session 6: blind batch J's phrasings.
    ("Name: Harold V.\nLocation: Ocean Shores (telehealth preferred)", "Ocean Shores", "LOCATION"),
    ("We've been meeting Sundays after the 10:30 Mass for a few months.", "Sundays after the 10:30 Mass", "TIMING"),
    ("She's been seeing our intern Tuesdays at 11.", "Tuesdays at 11", "TIMING"),
    ("I've got a guy from our Thursday night group who needs a therapist.", "Thursday night", "TIMING"),
    ("He's on the Galway senior hurling panel.", "Galway senior hurling panel", "EMPLOYER"),
    ("She's a junior on the women's rugby team.", "women's rugby team", "EMPLOYER"),
    ("Client won the $400M Powerball in March.", "won the $400M Powerball", "DISTINCTIVE"),
    ("She won the $2.1M scratch-off last spring.", "won the $2.1M scratch-off", "DISTINCTIVE"),
    ("She competed for Miss Idaho and still gets recognised.", "competed for Miss Idaho", "DISTINCTIVE"),
    ("His concussion in the final got replayed on ESPN2.", "got replayed on ESPN2", "DISTINCTIVE"),
    ("She's the lady from the Target parking lot video.", "Target parking lot video", "DISTINCTIVE"),
    ("He is one of the twins who were separated at birth.", "twins who were separated at birth", "DISTINCTIVE"),
    ("SID 18842107. His parole officer requires counseling.", "18842107", "ID"),
    ("he drives a black Silverado, plate CKW 4471; he", "CKW 4471", "ID"),
    ("SSN last 4: 0192 (for your intake form)", "0192", "ID"),
    ("older adult (b. 1947), depression", "1947", "AGE"),
    ("1. Client name: withheld\n3. Age: 67\n4. Insurance: Medicare", "67", "AGE"),
    ("She's lost two friends to suicide since the fall.", "since the fall", "DATE"),
    ("Name: Faith Okonkwo\nDOB: 04/11/2009", "Faith Okonkwo", "NAME"),
    ("Student: Jaylen Washington (student ID 2 0 4 4 7 1 9), 9th grade", "Jaylen Washington", "NAME"),
    ("Student: Jaylen W. (student ID 2 0 4 4 7 1 9), 9th grade", "2 0 4 4 7 1 9", "ID"),
    ("I'd like to refer Dr. Marguerite Hollis, the only OB in town.", "Marguerite Hollis", "NAME"),
    ("can u call Luz's mom back? she's the little one", "Luz", "NAME"),
    ("need a psychiatrist for my Thursday 11, adult, ADHD", "Thursday 11", "TIMING"),
    ("Adult, BPD traits, sees us every other Friday at 10, Optum.", "every other Friday at 10", "TIMING"),
    ("He is a ski patroller at the mountain and can't take time off.", "ski patroller", "OCCUPATION"),
    ("retired shrimper, grief after the storm", "shrimper", "OCCUPATION"),
    ("He works as a ranch hand near Burns.", "ranch hand", "OCCUPATION"),
    # Session 7: a person told by an event (X111) and more traits, as blind batches F to J wrote them.
    ("he's the kid who crashed his dad's truck into the school gym", "kid who crashed", "DISTINCTIVE"),
    ("her daughter was the girl killed on the ATV at the county fair", "girl killed on the ATV", "DISTINCTIVE"),
    ("He's one of the two kids pulled from the river this May.", "two kids pulled from", "DISTINCTIVE"),
    ("she's the girl in the taxi hijacking video that went round", "girl in the taxi hijacking video", "DISTINCTIVE"),
    ("Their son was the one who found his dad collapsed in the ice shanty.", "found his dad collapsed", "DISTINCTIVE"),
    ("His son drowned when the Sea Smoke went down in December.", "when the Sea Smoke went down", "DISTINCTIVE"),
    ("he has a burn scar across the left side of his face", "burn scar across the left side of his face", "DISTINCTIVE"),
    ("I've attached her school photo so staff know her.", "attached her school photo", "DISTINCTIVE"),
    ("Background: lost his right arm at the mill in June", "lost his right arm", "DISTINCTIVE"),
    ("the little one with the service dog named Chip", "service dog named Chip", "DISTINCTIVE"),
    ("He was the Karnataka state chess champion at 12.", "state chess champion", "DISTINCTIVE"),
    ("She won the International Bible Contest two years ago.", "won the International Bible Contest", "DISTINCTIVE"),
    ("lost their dad in a grain bin accident outside Norton", "grain bin accident", "DISTINCTIVE"),
    ("She still runs the general store in Portage.", "runs the general store", "OCCUPATION"),
    ("She owns one of the surf schools so she'd rather not see anyone local.", "owns one of the surf schools", "OCCUPATION"),
    ("He teaches Judaic studies at a day school.", "teaches Judaic studies", "OCCUPATION"),
    ("He was the island's only veterinarian for forty years.", "island's only veterinarian", "OCCUPATION"),
    ("Her husband is a serving senator.", "serving senator", "OCCUPATION"),
    ("her mom says text 503-555-0142 to reach her", "503-555-0142", "CONTACT"),
    ("She's been coming in Mondays at 7:30 right after dosing.", "Mondays at 7:30", "TIMING"),
    ("I've been going out second and fourth Mondays but I'm retiring.", "second and fourth Mondays", "TIMING"),
    ("a junior who has been coming to my office every day during 4th period", "every day during 4th period", "TIMING"),
    ("I'm seeing her right after lunch Weds for now.", "right after lunch Weds", "TIMING"),
    ("Bloke's my Tuesday arvo but I'm going on leave.", "Tuesday arvo", "TIMING"),
    ("got outed the night of homecoming when someone posted", "night of homecoming", "DATE"),
    ("lost one of the twins nine days later", "nine days later", "DATE"),
    ("contact with her kids starts the week after next", "the week after next", "DATE"),
    ("the apprentice fell off the roof the Thursday before Easter", "Thursday before Easter", "DATE"),
    ("tentativa de suicídio semana passada, saiu do hospital", "semana passada", "DATE"),
    ("She will be in the NICU through March.", "March", "DATE"),
    ("shes 19. no insurance", "19", "AGE"),
    ("officer out of the Chinle district, 39, and he was first on scene", "39", "AGE"),
    ("Adolescente, Luana Ferreira, 14 anos, estuda na escola", "14 anos", "AGE"),
    ("he's the man exonerated last spring after 27 years at Angola", "man exonerated", "DISTINCTIVE"),
    ("he's the one who walks the whole town collecting cans", "walks the whole town", "DISTINCTIVE"),
    ("Mom says she saw her uncle shot at the checkpoint outside town.", "uncle shot at the checkpoint", "DISTINCTIVE"),
    ("Coworker was killed when the bus carrying their crew rolled on Hwy 292.", "bus carrying their crew rolled", "DISTINCTIVE"),
    ("her grandson died when her house burned with him inside", "house burned", "DISTINCTIVE"),
    ("someone posted his old yearbook pic on a confessions account", "posted his old yearbook pic", "DISTINCTIVE"),
    ("he's the boy who was on the Toy Show last year", "was on the Toy Show", "DISTINCTIVE"),
    ("she's the only night-shift RN at the hospital", "only night-shift RN", "OCCUPATION"),
    # Session 9 (blind batch O): a chat header is one line; the message under it is the client's.
    ("**Lauren K, LCSW** 11:52 AM\nOutpatient therapist for a pt being dc'd tomorrow. 78M, lives alone in Marion.",
     "78M", "AGE"),
    ("Ray Thibodeau, born '49, two tours.", "49", "AGE"),
    ("lad's 19, first year at uni, NHS Talking Therapies wait is long", "19", "AGE"),
    ("He's my last pt on Fridays and honestly the sweetest kid.", "last pt on Fridays", "TIMING"),
    ("I have a 17F... she relapsed hard over the summer and needs IOP.", "summer", "DATE"),
    ("Subject: Re: Referral for Landon – ASD/anxiety\n\nThanks everyone", "Landon", "NAME"),
    ("grief (lost her son in Feb). Medicare only.", "Feb", "DATE"),
    ("self-harm started the Saturday after her birthday when photos leaked", "Saturday after her birthday", "DATE"),
    ("Faith is an RN at Riverside Methodist, works three 12s.", "Riverside Methodist", "EMPLOYER"),
    ("Name: Jo\nSchool: MICDS (9th)\nInsurance: UHC PPO", "MICDS", "EMPLOYER"),
    ("the girl from Two Dot i told u about: addie, 13. the one whose dad", "13", "AGE"),
    ("my every other Friday at noon drives a bus for the CTA", "every other Friday at noon", "TIMING"),
    ("his dad was picked up by ICE at the plant last month", "picked up by ICE", "DISTINCTIVE"),
    ("her diner was robbed at gunpoint right after Easter", "robbed at gunpoint", "DISTINCTIVE"),
    ("He's seen me every other Tuesday at 7 for two years", "every other Tuesday at 7", "TIMING"),
    ("she moved from SC. Platform handle sunnyd_0419, email on file", "sunnyd_0419", "NETWORK"),
    ("the 8th grader — Bella Ruiz, 13 — mom gave consent.", "13", "AGE"),
    ("referral please\n- Name: Ochieng\n- Age: 24\n- Background: grief", "24", "AGE"),
    ("their mom overdosed in the bathroom on the Fourth. Ugh.", "Fourth", "DATE"),
    ("> Arbetsgivare: Volvo Cars Torslanda, sjukskriven 50%", "Volvo Cars Torslanda", "EMPLOYER"),
    ("Client is Blessing, 22, final year at UNILAG, panic.", "UNILAG", "EMPLOYER"),
    ("She's at UNLV, Aetna Student Health.", "UNLV", "EMPLOYER"),
    ("addie, 13. the one whose dad rolled the feed truck on 191", "rolled the feed truck", "DISTINCTIVE"),
    ("she's the one with the purple hair if u see her in the lobby", "purple hair", "DISTINCTIVE"),
    ("he's the kid they pulled out of the quarry yesterday", "pulled out of the quarry", "DISTINCTIVE"),
    ("rusty (the one from Tillamook whose family dairy burned down) needs a grief person", "dairy burned down", "DISTINCTIVE"),
    ('ReferralNetwork.example.org › Adolescent › "IOP or PHP rec for 17F w/ relapse"\n\nHi all', "17F", "AGE"),
    ("she's the captain of the women's lacrosse team", "captain of the women's lacrosse team", "OCCUPATION"),
    ("Wife Deb (she drives school bus for the district) called me.", "drives school bus for the district", "OCCUPATION"),
    ("He's a relief pitcher for the Durham Bulls, 26.", "relief pitcher", "OCCUPATION"),
    ("his father is a sitting MP for one of the constituencies", "sitting MP", "OCCUPATION"),
    ("Subject: Dari-speaking therapist?? new arrival family (Boise)", "Boise", "LOCATION"),
    ("she skates at the club and qualified for junior Nationals in the fall", "qualified for junior Nationals", "DISTINCTIVE"),
    ("pt Jared, MRN 00884261, bed 14B. alcohol use disorder", "14B", "ID"),
    ("She disclosed SI w/ plan during async messaging at 2:14am.", "2:14am", "TIMING"),
    ("hey its Tina at the front desk. ur 2pm Hollis called, he's at the ER", "2pm", "TIMING"),
    ("I sat with the family of the driver from Tuesday's school bus crash", "Tuesday", "DATE"),
    ("Her mother was shot at the taxi rank last week Thursday.", "last week Thursday", "DATE"),
    ("Woman in her 40s, runs the office for the lobster co-op.", "runs the office", "OCCUPATION"),
    ("she does nails at the mall in Roanoke so she needs Sundays", "does nails", "OCCUPATION"),
    ("Fernanda, 22 años, trabaja de cajera en el turno de noche.", "trabaja de cajera", "OCCUPATION"),
    ("Her monitoring number is HPSP-23-1187 if the provider needs to report.", "HPSP-23-1187", "ID"),
    ("Psych NP, rural-ish Idaho. I have a pt who is the morning DJ on the country station out of Idaho Falls, 47.", "Idaho Falls", "LOCATION"),
    # a quoted reply under a header line is the client's, not a forum breadcrumb
    ("Rachel T. replied to your post:\n> \"Hi all, need a grief therapist for Miguel Ortiz's widow.", "Miguel Ortiz", "NAME"),
    # names in a subject line, beside the client's slot, after "client is", in a bulleted form
    ("Subject: Referral - Amara Lindqvist - DBT\n\nHi all,", "Amara Lindqvist", "NAME"),
    ("Subject: M. Okonkwo-Reyes — case 2024-JV-00871 — needs assessment", "M. Okonkwo-Reyes", "NAME"),
    ("hey its Tina at the front desk. ur 2pm Hollis called, he's at the ER", "Hollis", "NAME"),
    ("one referral please: Gurpreet (everyone calls her Preet), 19, anxiety", "Gurpreet", "NAME"),
    ("Sorry to text so late. Client is Anjali Bhatt, her husband called me.", "Anjali Bhatt", "NAME"),
    ("my first thing Tuesday guy, Teo, just told me he's sleeping in his truck", "Teo", "NAME"),
    ("Colleagues, referral please\n- Name: Ochieng\n- Age: 24", "Ochieng", "NAME"),
    ("a gentleman in his 60s, everyone downtown knows him as \"Preacher\", sleeps outside", "Preacher", "NAME"),
    # dates: a weekday after an event or before a date, a season of an event, holiday weekends
    ("fyi his PO wants the eval by Fri 10/17, case CR-25-0913.", "Fri", "DATE"),
    ("client's husband got his badge pulled monday & is threatening stuff", "monday", "DATE"),
    ("She hasn't slept since Sunday and is calling in to work.", "Sunday", "DATE"),
    ("a 5th grader whose dad died suddenly this summer; he shuts down", "this summer", "DATE"),
    ("She was arrested two weekends ago on a DUI and her mugshot is online.", "two weekends ago", "DATE"),
    ("had emergency surgery over Memorial Day weekend, now home", "weekend", "DATE"),
    # handles named by their account, Discord tags, screen names; a postscript is not a signature
    ("client runs a homesteading YouTube channel (@HollowPineHomestead), ~80k subs", "@HollowPineHomestead", "NETWORK"),
    ("they also found his Discord, frostbyte#0420, and he's getting threats", "frostbyte#0420", "NETWORK"),
    ("A member posting as \"thinspo_ghost\" has said she's 17.", "thinspo_ghost", "NETWORK"),
    ("Adult, anxiety.\n\nThanks so much,\nDr. Naomi Feld\n+972-2-555-0108\n\nP.S. Mom asked that you call her directly: 054-555-0139.",
     "054-555-0139", "CONTACT"),
    # ages in brackets after children, told loosely, in other languages
    ("mom asked me for someone to see the two boys (8 & 11) for grief", "11", "AGE"),
    ("Girl, ten and a half, she's the kid from the spelling bee video", "ten and a half", "AGE"),
    ("have a 13 going on 30 lol, self harm", "13", "AGE"),
    ("anyone have a trauma therapist w openings for a fourteen y/o?", "fourteen y/o", "AGE"),
    ("Je vous adresse une patiente, 34 ans, infirmière. Cerco un collega per un signore di 78 anni.", "78 anni", "AGE"),
    ("19 saal ki larki, LUMS mein 2nd year", "19 saal", "AGE"),
    # national and record numbers abroad, dates in other languages, month and year, jobs in everyday words
    ("> Namn: Anneli > Personnummer: 19810707-4482 > Adress: Linnégatan 14 B", "19810707-4482", "ID"),
    ("N° de sécurité sociale : 2 89 05 69 387 112 46\nDomicile : Croix-Rousse", "2 89 05 69 387 112 46", "ID"),
    ("herida de bala en las protestas del 9 de enero, perdió a su hermano", "9 de enero", "DATE"),
    ("she was pulled out of her building after three days in February 2023.", "February 2023", "DATE"),
    ("He signs off in Miami Sunday 14th and flies home.", "Sunday 14th", "DATE"),
    ("dad got picked up by ICE outside the school last thurs", "last thurs", "DATE"),
    ("she's the lunch lady at Jefferson Middle in Wauwatosa", "lunch lady", "OCCUPATION"),
    ("a guy in his mid-20s who works lift ops at Big Sky for the season", "lift ops", "OCCUPATION"),
    # session 10: a relative named with "is", a numbered school, a date range, caseload lists
    ("Sunshine Health Medicaid. Aunt is Mirlande, 786-555-0119, she works days", "Mirlande", "NAME"),
    ("9yo boy, goes to PS 1099. he's the kid who was pushed", "PS 1099", "EMPLOYER"),
    ("• Bipolar II, hospitalization Oct 14-19, discharged to IOP", "19", "DATE"),
    ("anyone doing play therapy in Ennis? Lad of 7, parents separating", "7", "AGE"),
    ("She is going on medical leave effective Friday, going home to Shrewsbury.", "Friday", "DATE"),
    ("teen, self-harm hx, lives in Savannah, sees Dana Wednesdays at 4 in person", "Wednesdays at 4", "TIMING"),
    ("my list before leave:\n1. my Mondays at 9 – adult, GAD\n2. Thursday 5:30 – the firefighter, PTSD",
     "Thursday 5:30", "TIMING"),
    ("I have a young man, Keoni, 24, who lives on the island and works nights", "Keoni", "NAME"),
    ("pt Gerry Mott, 67, retired engineer, lives in Mt. Lebanon. MDD.", "Mt. Lebanon", "LOCATION"),
    ("Kearney area peeps!! Anyone taking new teen clients?", "Kearney", "LOCATION"),
    ("Name: Aidan K\nAddress: Eccles, M30", "Eccles", "LOCATION"),
    ("I have a client who is the walk-on kicker for the Razorbacks.", "Razorbacks", "EMPLOYER"),
    ("I have a client who is the walk-on kicker for the Razorbacks.", "kicker", "OCCUPATION"),
    ("She is a teacher at Hillcrest Elementary, anxiety.", "teacher", "OCCUPATION"),
    ("[9:14 a.m.] Émilie Cormier, psych.: Sa mère s'appelle Josée Landry, 506-555-0133", "Josée Landry", "NAME"),
    ("Her provider is on PTO. Her usual slot is Wed 8pm MT.", "Wed 8pm MT", "TIMING"),
    ("ADHD eval, Aetna. already sees Dr. Yoon Wed 7:30am for meds", "Wed 7:30am", "TIMING"),
    ("Case #: EAP-24-09917\nEmployee: M. Kowalczyk\nEmployer: Marathon Petroleum", "M. Kowalczyk", "NAME"),
    ("Lives alone in Maynardville, retired from KUB after 30 yrs", "KUB", "EMPLOYER"),
    ("couples therapist near Greeley?? both work nights at JBS, need Sat appts", "JBS", "EMPLOYER"),
    ("Miss Ruby is 74 and was driving the church van that went off Hwy 49 on Easter Sunday.", "went off Hwy 49", "DISTINCTIVE"),
    ("truck driver from Selma, he rolled his rig on the Grapevine, now can't drive", "rolled his rig", "DISTINCTIVE"),
    ("got roasted online after he missed free throws at the state semis", "missed free throws", "DISTINCTIVE"),
    ("raising the grandbabies since their mom overdosed in the bathroom at the Dollar General", "overdosed", "DISTINCTIVE"),
    ("Need a prescriber licensed in NM:\n• Ruben Archuleta, 47\n• lives in Española", "47", "AGE"),
    ("She's a mom influencer (@ozarkmamalife, ~400k followers) and her video went viral.", "@ozarkmamalife", "NETWORK"),
    ("He sees me the first Tuesday of the month at 10 and his son drives him.", "first Tuesday of the month at 10", "TIMING"),
    ("She sees our nurse Mondays around 9 at the camp.", "Mondays around 9", "TIMING"),
    ("His name is Bridger, he's starting at USU in the fall.", "USU", "EMPLOYER"),
    ("Consult from the floor: 38F, nurse here at Sanford (so she needs someone outside).", "Sanford", "EMPLOYER"),
    ("Passing this along from a parent who reached out to our clinic.\n\n---------- Forwarded message ---------\n"
     "From: Marlene Whiteplume <m.whiteplume@example.com>\nSubject: help", "m.whiteplume@example.com", "CONTACT"),
    ("I have an employee at Micron who lives in Meridian and wants in-person sessions.", "Meridian", "LOCATION"),
    ("Subject: Warm handoff - Jasmine\n\nHi Tomás,", "Jasmine", "NAME"),
    ("He posts on SoundCloud as bashbeats_713, and some of it is dark.", "bashbeats_713", "NETWORK"),
    ("hey team, who has DBT space? Jojo (my teen w/ self-harm) needs more than weekly.", "Jojo", "NAME"),
    ("Grad students welcome:\n\n27, 3rd-year PhD student at Vanderbilt, panic.", "27", "AGE"),
    ("she's a distance runner and placed third at the 5A state cross-country meet", "placed third", "DISTINCTIVE"),
    ("In her 60s. Depression following a junior colleague's suicide in her department.", "suicide", "DISTINCTIVE"),
    ("Infidelity discovered a couple weeks ago, trust rupture, both want to try.", "a couple weeks ago", "DATE"),
    ("Young adult man, works on the line at the Maple Leaf plant, trauma.", "Maple Leaf", "EMPLOYER"),
    ("Reason for referral: depression, dropped out of SMCC this semester", "SMCC", "EMPLOYER"),
    ("hey!! do u have room for a teen? 15, social anxiety and school avoidance, CareSource.", "15", "AGE"),
    ("grandma's house is where the kids are staying now. 6 and 8, trauma after removal.", "6 and 8", "AGE"),
    ("Marcus Whitfield, Tricare Prime DBN 1048 2275 612, combat PTSD.", "1048 2275 612", "ID"),
    ("they live in Decatur and both work at the CDC so pls not anyone who does EAP work", "CDC", "EMPLOYER"),
    ("A colleague gave me your name. I'm the social worker at Lincoln Middle School and have a 7th grader.",
     "Lincoln Middle School", "EMPLOYER"),
    ("Her custody case is before Judge Hartwell, and she is terrified.", "Hartwell", "NAME"),
    ("Kids are Paisley 3 and Ryder 18 months, trauma after the removal.", "Ryder", "NAME"),
    ("Kids are Paisley 3 and Ryder 18 months, trauma after the removal.", "18 months", "AGE"),
    ("the boys are 8 and 11, big feelings since the divorce", "8 and 11", "AGE"),
    ("Siblings also need support:\n- Mykah, 9, ADHD\n- Jordan, 12, anxiety", "Mykah", "NAME"),
    ("Ava (10) has separation anxiety, Medicaid.", "Ava", "NAME"),
    ("Ava (10) has separation anxiety, Medicaid.", "10", "AGE"),
    ("client works at the Lab (LANL) and is scared about his clearance", "LANL", "EMPLOYER"),
    # standing slots in more phrasings
    ("He's my Thursday half four and the step-up has been a long time coming.", "Thursday half four", "TIMING"),
    ("she's my every other thurs at 1 but my schedule's changing", "every other thurs at 1", "TIMING"),
    ("She's my Saturday ten o'clock but I'm off for surgery.", "Saturday ten o'clock", "TIMING"),
    ("She's been seeing Dr. Halvorsen every other Wed at noon but he's retiring.", "every other Wed at noon", "TIMING"),
    ("I see him fortnightly on a Tuesday at two at the surgery.", "fortnightly on a Tuesday at two", "TIMING"),
    ("He's my first cab off the rank on Mondays but I'm going part-time.", "first cab off the rank on Mondays", "TIMING"),
    ("I see her Wednesdays right after school here in Boise.", "Wednesdays right after school", "TIMING"),
    # a chain's branch, a saint's name, a form's job field, casual jobs
    ("Client is 40s F, manages the Dollar General on Rt 9 and was closing that night.", "Dollar General", "EMPLOYER"),
    ("He's off sick from the Morrisons in Keighley where he does the early shift.", "Morrisons", "EMPLOYER"),
    ("she's a dinner lady at St Bede's, mum of three, low mood", "St Bede's", "EMPLOYER"),
    ("Employee: withheld\nRole: forklift operator, Kessler Cold Storage", "forklift operator", "OCCUPATION"),
    ("He drives for the county (road crew, plows in winter).", "drives for the county", "OCCUPATION"),
    ("Young man, a senior county hurler with Offaly, low mood.", "senior county hurler", "OCCUPATION"),
    # dates told by a public or local event
    ("He was driving in the crash the weekend after the Leaving Cert.", "the weekend after the Leaving Cert", "DATE"),
    ("The Sunday after the state wrestling tournament he found his brother.",
     "Sunday after the state wrestling tournament", "DATE"),
    ("His mum was killed the Friday before the August bank holiday.", "Friday before the August bank holiday", "DATE"),
    # events and traits told plainly
    ("bloke in his 50s, won that $40 mil Powerball and it's been a disaster", "won that $40 mil Powerball", "DISTINCTIVE"),
    ("My client won eight straight games on Jeopardy and the episodes aired in November.",
     "won eight straight games on Jeopardy", "DISTINCTIVE"),
    ("he drives the plow and hit the Amish buggy on 62 the saturday after christmas", "hit the Amish buggy on 62",
     "DISTINCTIVE"),
    ("She has vitiligo across most of her face and hands.", "vitiligo", "DISTINCTIVE"),
    # labelled numbers written with spaces, slashes or as a card, over a phone-like shape
    ("Patient: withheld\nNHS no: 999 012 3456\nAdult, perinatal anxiety.", "999 012 3456", "ID"),
    ("He's on Polmed, member no. 5550 1482 9. Prefers isiZulu.", "5550 1482 9", "ID"),
    ("Her mom's PhilHealth PIN is 12-555014279-3 if that helps.", "12-555014279-3", "ID"),
    ("Patient: withheld, 17 yrs. UHID 2024/55/01873. Not sleeping.", "2024/55/01873", "ID"),
    ("for the LOA: Intellicare card 1180-5550-2214, HMO approval pending", "1180-5550-2214", "ID"),
    # the poster's signature ends where an earlier e-mail is quoted: its details are the client's
    ("Can you see him this week?\n\nKind regards,\nZanele Khumalo\nCase Manager, Ukhanyise\n"
     "0800 555 014\n\n-----Original Message-----\nFrom: HR\nEmployee: Sipho Ndlovu, cell +27 71 555 0193",
     "+27 71 555 0193", "CONTACT"),
    ("Employee name: Sipho Ndlovu\nEmployee no.: MMS-20417\nPosition: shift supervisor", "Sipho Ndlovu", "NAME"),
    ("1) Man, 40s, bipolar. Currently my first Thursday of the month at 8:30.", "first Thursday of the month at 8:30",
     "TIMING"),
    ("Her Tuesday 2pm with me ends when the semester does.", "Tuesday 2pm", "TIMING"),
    ("Mom's cell is 712-555-0144 (Jodi) if you need it.", "Jodi", "NAME"),
    ("His dad manages the Casey's on Hwy 30, and half of town knows.", "Hwy 30", "LOCATION"),
    ("the GM of the Cracker Barrel off exit 238, with panic attacks", "exit 238", "LOCATION"),
    ("hiya, any chance ur taking on new ppl? lad 23 from Ballyfermot, low mood", "23", "AGE"),
    ("anyone got room in Flagstaff? guy 58, just retired, depression", "58", "AGE"),
    ("she cleans rooms at the Hilton by the airport and was assaulted by a guest", "Hilton", "EMPLOYER"),
    ("has to go right back to bartending at Kelly's 😬", "Kelly's", "EMPLOYER"),
    ("He has been coming to my OPD every second Saturday but I am moving.", "every second Saturday", "TIMING"),
    ("he's been my Tues 0900 for 2 yrs", "Tues 0900", "TIMING"),
    ("he's been my first-Monday-of-the-month med check for years", "first-Monday-of-the-month", "TIMING"),
    ("My 13 y/o daughter has been seeing her therapist Tuesdays at 4 for a year.", "Tuesdays at 4", "TIMING"),
    # a parent's "we" is the family: their town is the client's
    ("My son (12) is being bullied and now says he hates himself. We're in Round Rock, BCBS TX.", "Round Rock",
     "LOCATION"),
    ("Our 8yo has started refusing to go to her dad's. We're in Kelowna, BC.", "Kelowna", "LOCATION"),
    # a forum thread's title is the poster's words about the client, its breadcrumb is not
    ("CoParentingCanada.example.org › Finding Help › Therapist for an 8yo stuck in the middle\n\nPosted by kel_mom",
     "8yo", "AGE"),
    ("ADHDParentsHub.example.org › Therapy & Meds › help\n\nDS10 has combined-type ADHD and melts down.", "DS10", "AGE"),
    ("Big day in our house: my son, who is fourteen and autistic, asked to talk to someone.", "fourteen", "AGE"),
    ("Prayer request 🙏 the Hendricks boy has really been struggling since the arrest.", "Hendricks", "NAME"),
    ("My son Owen is in Troop 412 out of First Methodist in Olathe.", "Troop 412", "EMPLOYER"),
    ("My son Owen is in Troop 412 out of First Methodist in Olathe.", "First Methodist", "EMPLOYER"),
    ("She's on Snap as jazzy.x.719 and honestly she'll answer there first.", "jazzy.x.719", "NETWORK"),
    ("He's the scout who got separated from his crew and spent the night alone near Baldy.",
     "got separated from his crew", "DISTINCTIVE"),
    ("I'm referring Étienne (DOB 2004-07-19, RAMQ GAGE 0407 1912), a second-year student.", "GAGE 0407 1912", "ID"),
    ("Ex and I have a hearing in March (case 2022 D 001583).", "2022 D 001583", "ID"),
]

#: Ordinary events the learned tagger (X112) still reads as distinctive ones; the written rules
#: leave them alone. More ordinary events in the corpus (as batches AD and AE added) teach it.
LEARNED_TAGGER_TRAPS = [
    "She's the one who needs the most support; he was the one who found her after the overdose.",
]
TRAPS = [
    "Seeking an EMDR therapist for an adult client, telehealth in Oregon. Aetna. Please reply privately.",
    "Looking for a Gottman Method couples therapist; Kaiser or private pay. Linehan's DBT also welcome.",
    "Teen client in the Portland metro, Medicaid/OHP, needs Thursday evenings. Bay Area also fine.",
    "Client in her 30s, mid-40s partner, Tricare. Not in TN.",
    "Anyone doing ERP for OCD in Central Oregon? #pdxtherapists\n\nThanks,\nDana Ruiz, LCSW\nCall me at 503-555-0142",
    "Gottman therapist in-network w/ BCBS in the Atlanta metro? Sacramento area also works.",
    "Adult client, BadgerCare or MaineCare or Centennial Care, telehealth. tagging @Meg Lawson @Daniel Ruiz",
    "Arabic-speaking family therapist for a Syrian family, telehealth in Ontario.",
    "Older adult, Medicare. Please contact me directly, not the list: kf.lmft@example.org or 612-555-0119.",
    "She's a teacher with burnout, Aetna, telehealth anywhere in Oregon.\n\nThanks!\nLinda",
    "Adult, bipolar I, stable for 2 yrs, needs SMART Recovery or a group; Western Health Advantage.",
    # Session 5: the poster's own details and colleagues, as blind batch G wrote them.
    "Adult, treatment-resistant depression, Medicare.\n\nPlease reply off-list.\n\nHarold Feinberg, MD\n"
    "Diplomate, ABPN\nFeinberg Psychiatry, PLLC · Arlington, VA\n703-555-0119",
    "Teen, Medicaid, DBT.\n\nRochelle Tate, Child Welfare Specialist\n217-555-0103",
    "Adult, OUD, Fidelis.\n\nDr. Ofelia Rentería\nBronx, NY",
    "Teen, anxiety, bulk billing. Mon or Wed best. Cheers, Mick",
    "Hey Dawn it's Rick from the CMH. r u taking new teens? Medicaid.",
    "Subject: Off-post referral\n\nMs. Adebayo,\n\nI'm a counselor looking for CPT, Tricare.",
    "Hi Tomás and Keiko,\n\nAny EMDR openings for an adult, Aetna, telehealth?",
    "Adult, panic, Aetna. I'll run the auth. Tanya (front desk)",
    "Adult, BCBS TX. I'm in Austin but the client isn't, so statewide telehealth please.",
    "Couple in their 40s, EFT please; Sue Johnson's book got them in the door.",
    "Couple in their 40s, Gottman, Cigna. @maria.k you said something was opening up?",
    "Adult, UK-based, the NHS waiting list is 18 months so happy to go private.",
    "Adult client goes by they/them, wants a Beck-trained CBT therapist, Aetna.",
    # Session 6: the poster's own details as blind batch J wrote them.
    "Adult, panic, Providence.\n\nTasha\nIntake Coordinator, Rosewood Counseling Group\n503-555-0106",
    "Adult, CBTp, Medicaid.\n-- Priya, PMHNP (I'm at the Kingston clinic, 845-555-0104)",
    "Adult, hoarding, MaineCare. Thanks — Beth Arsenault, LCSW, Rockland · 207-555-0119",
    "adult ASD eval, self-pay, telehealth in Utah ok? ty! -Lindsey @ Wasatch Family Therapy 801-555-0133",
    "Adult, Brainspotting, superbill ok. Comment or email intake@peachtree-wellness.example.com.",
    "6. Availability: Monday mornings\nContact: me via DM or 541-555-0117",
    "Fatima: Looking for a postpartum OCD specialist, OHIP.\nGrace: try the virtual clinic\nFatima: private?",
    "Young woman, scrupulosity, ERP, Anthem.\nBlessings, Fr. Tom",
    "Couple, EFT (Sue Johnson style, not tapping lol), Medicaid.",
    "She played on a soccer team as a kid; adult now, Aetna.",
    "Looking for an Early Start Denver Model (ESDM) provider for a toddler, Colorado Medicaid.",
    "anyone have an IFS or Hakomi person? adult, Optum. I'll be out Fri so ping Marcus if you find someone",
    "Age: 30-39\nInsurance: Aetna\nAvailable this summer for a new client.",
    "Adult, Aetna, telehealth. My Monday 5 sessions are full, so evenings please.\nThanks Dr. Lee for the tip.",
    # Session 5 traps: ordinary attacks, ordinary "the one who", colleagues, modalities.
    "Adult client who has a panic attack at work most days. Heart attacks run in the family.",
    "She's the one who sells her art online. Her son was killed in a car accident.",
    "Teen girl who ran the 400m, eating disorder, Aetna.",
    "The nurse who called me said the client is doing ok.",
    "You may have heard about the new DBT group at our clinic.",
    "Client is a nurse on Tuesdays and a student the rest of the week.",
    "She's the one who initiated the divorce; he's the one who cheated with a coworker.",
    "She was the one who filed for divorce. He is the one who moved out.",
    "Lad is in his late teens and struggling at uni. Adult in OR, Aetna. She calls him every day.",
    "Client (Medicaid) needs DBT; lives in Washington D.C. and is new to the area.",
    "Adult client in New Hampshire, or Rhode Island, or Prince Edward Island; telehealth.",
    "She's the one who needed a break; he's the kid who joined our group.",
    "He was one of the clients who dropped out when the group moved online.",
    "I'm the therapist who posted here before; we were the practice that opened a second office.",
    "She lost her job after a car accident, and lost her mom last year.",
    "Attached is my CV and our intake form.",
    "She runs the household and he runs a support group; I teach the DBT skills class.",
    # Session 7: signatures as blind batch K wrote them.
    "Perinatal counsellor online? VHI.\n\nGo raibh maith agat,\nNiamh Ó Briain, MIACP\nCorrib Counselling, Galway\n091 555 0147",
    "Telehealth in North Dakota, Sanford Health Plan.\n\nIn Christ,\nPastor Arne Olstad\n(701) 555-0124",
    "Young adult, KY Medicaid.\n\nSam Okafor (he/him)\nProgram Coordinator\n859-555-0176",
    "Adult, Idaho Medicaid pending.\n\nThank you for everything you all do 🙏\nHalima Noorzai\nCase Manager, Treasure Valley Resettlement Partners\n208-555-0163",
    "Cigna, telehealth anywhere in Florida. Call/text 813-555-0192 or comment!",
    "My Tuesday afternoon is open and my Thursday mornings are free; she can do Sunday nights.",
    *(pytest.param(trap, marks=pytest.mark.xfail(reason="the learned tagger reads an ordinary event as distinctive"))
      for trap in LEARNED_TAGGER_TRAPS),
    "[16:55] Paula Mendes: alguém atende à noite?\n[16:56] Juliana Psi: eu atendo online\n[6:41 pm] Miss Hyacinth (Guidance, Manchester): Good evening colleagues.",
    "Hi Dr Tran this is Gabriela the Vietnamese interpreter from the clinic. Adult, Medicaid.",
    # Session 14: a reddit header, a field of work, a year after an insurer, a count after a chat name.
    "r/therapists \u2022 Posted by u/blue_ridge_lpc\n\n**ED-informed therapist, telehealth in NC?**",
    "Works in IT, married, no kids. We take PhilHealth; PhilHealth 2024 rules apply.",
    "[10:02] Ann: 3, maybe 4 sessions left before she moves to telehealth.",
    # Session 14: colleagues greeted in chat, the poster's own name, authors of what is asked for.
    "hi Kevin sorry to text on a sat. can u take an adult w/ OCD? Aetna.",
    "Jess hi it's Pam. can u see an adult with panic? Cigna.",
    "[19:53, 27/08] Aoife Brennan: ur a star Declan x",
    "Hey it's Lisa P \U0001f44b u take BCBS?",
    "Someone familiar with ACT or Pauline Boss's ambiguous loss work would be lovely.",
    "I'm looking for someone who does Barkley's parent training or PCIT.",
    "r/AskTherapists \u00b7 Posted by u/worried_sis_2024\n\nA psychologist who works in English, Louisiana Blue.",
    "[10/02/25, 08:16] Tamsin R.: Blue Cross NS, in person or virtual, for a uni student with ADHD.",
    "The 9am Monday slot is open again if anyone needs it.",
    "Telehealth anywhere in South Dakota or West Virginia, or in North America generally.",
    "> **u/rural_lcsw_ks** \u00b7 14 points\n> Friendly heads up: edit this. Shoutout to u/pnw_dietitian too.",
    "Subject: CPS/PCIT referral, explosive 7-10 yo? She can do 10-2 while the kids are at school.",
    "Also tell Faith I said hi! Beth if you're in here, text me.",
    "Amy it's Rich. can u take an adult w/ panic? Aetna.",
    "Hiya Claire, Pete here \U0001f44b anyone doing CFT privately? Adult, self-pay.",
    "[15/10/24, 20:21] Bethan (CBT): diolch Gareth!",
    "No luck yet.\n\nThank you! Jenny Cho, LMFT, Oakland \u00b7 510-555-0177",
    "Thanks so much xx\n\nBec, OT \u00b7 Penrith",
    "Anyone doing play therapy virtual in NS? Early elementary, anxiety.",
    "Teen w OCD, Tricare, NC telehealth ok, after school. call me if easier 910-555-0133",
    "Saturdays would be a miracle lol. Text me back at this # or 415-555-0124",
    "Adult, Medicare, mornings best. Thank u! 510-555-0149",
    "You can reach me here or at holler.counselor@example.com, thanks!",
    "Dr. Whitebird,\n\nThis is Amy Schaefer, behavioral health consultant at Green Country Family Medicine in Tahlequah.",
    "hey Mrs. Coleman it's Ms. Pruitt (counselor at the middle school). got a sec?",
    "Face to face preferred.\n\nBest wishes,\nHelen\n\nDr Helen Okoro, GP\nLowton Surgery",
    "Got your name from Carla in the Nebraska sport psych group. Adult, RED-S, Hep C, Lewy body dementia in the family.",
    "I've been using Reid Wilson's stuff with the parents. I'm wfh in Oak Park today.",
    "Kia ora. Online is fine, Kiswahili or Oji-Cree; she is Deaf. Te Whatu Ora or WEA Trust.",
    "Buenas, tengo una señora de 62, prefieren español, fines de semana. Gracias de antemano!",
    "Posted in: Community Health Workers > Behavioral Health Referrals\n\nAdult, Medi-Cal, evenings.",
    "Farmworker Health Network › Referrals (Southeast)\n\nAdult, Medicaid, telehealth in Georgia.",
    "Subject: RE: [WVMAT-L] bridge script\n\nAdult, WV Medicaid, telehealth.",
    "Siobhán mentioned you'd done the Marcé training. Thanks to Dr. Amira Haddad for the Rainbow Health Ontario training.",
    "Salaam Hodan, it's Abdirahman the interpreter. Adult, Medicaid. gracias a Vero por el tip, sou de Campinas.",
    "hey! its Bri from the spouses club, hope its ok i got ur # from Jen. Adult, Tricare.",
    "Adult, Mississippi Medicaid, Mid-Atlantic or telehealth in SA. Phone preferred.",
    "Reading is hard for him. The Mobile crisis team came out.",
    "We have 3 beds open and room 12 is the group room on Tuesdays.",
    # Session 7: batch L's signatures, chats and group names.
    "Adult, Medicaid.\n\nThanks a million,\nBev Stallworth\nOffice Manager | Lakeshore Family Therapy, Racine WI\n(262) 555-0117 ext 3",
    "Adult, OHIP.\n\nDr. Hugh Ballantyne, C.Psych.\nLakehead Family Health Team, Thunder Bay ON\n807-555-0143",
    "Any suggestions in the western suburbs appreciated.\n\nRev. Malcolm Tuilagi\nPastoral Care, Western Health",
    "[10:44] Kwabena A.: Let me check\n[10:45] Efua (Counsellor): Thank you o",
    "[Pune Psychologists Network]\nHi all, need urgent help for an adult, fees ok.",
    "Board: Reentry & Forensic Services / Community Referrals\n\nAdult, Medicaid.",
    "Family lives out in East Tennessee, BlueCare (TennCare). Mississippi Medicaid (Magnolia) also fine.",
    "Seeking a couples therapist trained in Imago or a Jungian analyst. Her RAMQ wait is 6+ months.",
    "is ur thurs 5:30 still open? my 3pm is open too. I called at 3pm and left a message.",
    "Subject: Referral - Central Oregon - Spanish Speaking teen, BCBS\nSubject: Seeking EMDR - Bay Area - adult",
    "My client is Spanish-speaking and Catholic; client is fine with telehealth. Client is NOT on Medicaid.",
    "I'm retiring in the spring; would you have space this fall? I'm booked Friday, open Monday-Friday evenings.",
    "Looking for a Hakomi practitioner for an adult, telehealth, Maccabi or private.\n— posted by MaryB_LCMHC (Asheville)",
    # eponymous approaches with full names, colleagues' places, the poster's office, role and signature, greetings abroad
    "Anyone trained in Peter Levine's Somatic Experiencing, Les Greenberg's EFT, Miller & Rollnick MI or MBT (Bateman & Fonagy)?",
    "[09:10] Tiago: Dr. Sousa in Estoril maybe? I'll ask my colleague in Damansara too.",
    "Adult, anxiety, in person at our Carmel office. Not in Toronto but happy to hear about others.",
    "Colleagues,\n\nI'm a case manager with the state physician health program and need a therapist for an adult.",
    "Adult, anxiety.\n\nThank you, I really appreciate this list.\n\nDana Kuipers | HR Generalist | Holland Fixture Co.",
    "Bonjour Dre Lavoie,\n\nUne adolescente, TCA. Salam all, Arabic-speaking clinician? Shakai Hoken. Groetjes, Tom",
    # colleagues recommended and chat speakers in bold are not the client
    "**Marcus Oyelowo** 2:31 PM yes! Jen Atwater in Lakewood, she's got a Weds opening",
    "[08:20] Dr. Ram: Pasang Lhamu at CMC does phone counselling. OLE Health has a bilingual SUD counselor.",
    "Karmen at the Basque Museum suggested I ask here. Adult, 20 years of experience, waited 2 hours and a half.",
    # Session 9 (blind batch O): chat stamps with a date, speakers with credentials, thanks in a chat;
    # words that only look like names after a cue
    "[10:14, 4/8] Cheryl Banks LCSW: geriatric therapist? Medicaid.\n[10:20, 4/8] Pam Wu: I go on Tuesdays, cheers Tom",
    "Baby won't take a bottle. Already tried the county line, 6 wk wait. Superior STAR Kids plan, kinship care with grandma, DHS involved.",
    "Blended family, open to Child-Parent Psychotherapy (Lieberman).",
    "Accommodations so far: a schedule change out of the 4th period PE section.",
    "Subject: Referral for Anxiety - teen, Aetna\n\nHi all, telehealth in Ohio.",
    "Athens Therapists & Friends 🇬🇷\nlooking for an English-speaking couples therapist, online ok",
    "Adult, 70s, Korean War, Army. Grief. Medicare, telehealth in Washington.",
    # the poster named at the end, and colleagues tagged or thanked
    "Hi\nteen, ADHD. Saturday mornings would be ideal. Cheers, Mel (Newcastle)",
    "adult, car accident trauma, Friday afternoons. it's Beth btw, new number",
    "Hi all\nADHD + big tantrums, PCIT ideally. after school. lmk - Jo",
    "After 4. Tagging Lauren Whitfield and Deshawn Price who always know someone!",
    "Thanks, and thanks again to Lise for the eating-disorder contacts.",
    "Hi\nAfter school, online is fine. Thanks, Marike (Centurion) 082 555 0111",
    "Adult, panic, now at IOP.\nWork: remote.",
    "Dependency case; the judge has ordered family therapy. Our temple priest asked me too.",
    "Thanks, and merry Christmas to all of you out there on the gravel roads.",
    "Also needed: Hmong, Home visits.",  # a template's list line, once read as one organisation
    "Hi\nAdult, Medicaid, Panhandle, telehealth ok. Thx - Kim (Dr. Ashby's office) 850-555-0108",
    "#clinical-referrals (Teleminds Health)\n\nAnyone have an opening for an adult?",
    "[10:21, 6/2] Yesenia R. LMHC: gracias Carlos 🙌 South Florida is fine",
    "I hope you don't mind me writing; Morag said you sometimes take private referrals.",
    "Is anyone taking Superior STAR Health or WCB Alberta claims? Lock & Le Grange FBT ideally.",
    "Teen, anxiety. Dad has said flatly: not Vegas, not Reno. He wants someone not in Cochise County.",
    # a signature after the last sentence of the last line, or with a place in brackets
    "Hi all,\nAdult, anxiety, Aetna. Text me if easier. Liv, LMHC, Ballard",
    "Hi all\nTeen, self-harm, Medicaid. tq!! - Dr Lim (Subang)",
    "Hi all\nTeen, self-harm, Medicaid.\nObrigada! Inês (Ponta Delgada)",
    # session 10: the poster's plans and a colleague's room, form labels and referrers, insurers, hedges
    "Adult, OCD. I'm moving out of state in January so I have to transition him. I'm dropping Fridays in Jan.",
    "Any psychs with space before Christmas?? Waiting list till March here, and I am full through spring.",
    "He wants someone he won't run into socially, so maybe not West Hartford. Telehealth ok.",
    "Hey it's Rhonda at the clinic in Bethel. need telehealth for a young man, anxiety.",
    "Aloha Kainoa,\nMahalo for offering to help with neighbor-island folks.",
    "Referred by: school counselor\nModality requested: CBT for panic\nTimes: weekday mornings",
    "Referring clinician: Dr. Sam Whitcomb, 410-555-0190, swhitcomb@example.com",
    "Teen w/ trauma hx, Superior Medicaid or Meridian Medicaid, PEIA or UMWA Funds, Ohio Police & Fire plan.",
    "Couples therapy in the Philly suburbs (Main Line or Delco ideally), Keystone First.",
    "**Top comment (u/oldschoolLCSW):** ask about the sliding scale.",
    "Supervising PO: L. Martinez",
    "Religious obsessions (worthiness, confessing repeatedly to his bishop), plus depression.",
    "I've already tried Amara Kessler's group (full through spring).",
    "Hi Maya,\n\nThanks again for coffee last week, it was great to meet in person.",
    "Adult, anxiety, Aetna; Seattle area or Triangle area, telehealth ok.",
    "Teen, ADHD; he missed the bus twice this week and dropped the ball on homework.",
    "Hi Dr. Chaney,\n\nI'm a psychologist in Norman and a client of mine is moving back home.",
    "Her caseworker is Ms. Trujillo. He won't loop his bishop in.",
    "Coordinator: Brynn Halvorsen | 801-555-0199\nAgent: Darla Simms | 307-555-0117",
    "Harlan Ridge Schools - Student Support Referral\n\nGrade: 10th",
    "Adult, Mutual of Omaha supplement; CareSource or Buckeye; Hoosier Healthwise (MDwise). Prepare/Enrich.",
    "Any DBT programs in Middle Tennessee w/ openings? Needs somebody with LE experience.",
    "**Chris Albers** 11:06 AM\nDr. Patel at Northside does Gottman Level 3.",
    "Adult, grief 💔 Arkansas Blue Cross, after school only",
    "Survivor guilt, drinking. Speaks Cajun French at home, child TF-CBT ok.",
    "Adult, play therapy, CareSource.\n\n-- playfulmind_rpt | Westerville OH | 614-555-0188",
    "Hi Priya,\n\nThanks so much for taking my call this morning. Thank you to Rob and Ifeoma for the leads last month!",
    "Family is on AHCCCS (Banner University Family Care). Parent-Child Interaction Therapy (Eyberg's model) ideally.",
    "> Have you tried Laura Pratt in St. J? She's wonderful with little ones.",
    "Kenji,\n\nAdult, anxiety, Aetna, telehealth.",
    "**#intake** · Riverbend Behavioral Health\n\nAdult, anxiety, Aetna.",
    "Referral Request Form — Harbor Light Counseling Group\n\nAge group: adult",
    "Dx: F53.0 postpartum depression; a 3-to-5-year-old range; a 2.5-hour drive. Hx ADHD, on Vyvanse.",
    "Teen anxiety case? Regence, family prefers in person at the Beaverton office.",
    "Needs late morning after milking, like 10-2. Someone trained in HRT or the ComB model. Capital Blue, after 5.",
    "Referral form submission (website) — Willow Creek Counseling\nReferring provider: Dr. Anita Rao",
    "Looking for: PCIT, Incredible Years, Triple P.\nLocation: Manitoba, El Salvador, Virtual.",
    "Insurance or payment: Tribal Health Program, IHS, Purchased/Referred Care.",
    "[9:14 a.m.] Émilie Cormier, psych.: Allô tout le monde! Besoin d'une psy.\n"
    "[9:20 a.m.] Luc Gallant: J'ai de la place les mercredis, en virtuel.",
    "EMDR, Francine Shapiro's standard protocol is fine. Client ZIP: none yet. REMS patient ID pending.",
    "---------- Forwarded message ---------\nFrom: Linda Marsh <lmarsh@example.org>\nSubject: referral for a colleague",
    # the poster names themself after a greeting, or gives their own line
    "Hi Rachel, Sam from OH at the council. Need a counsellor for an employee, anxiety.",
    "Adult, anxiety, Aetna. 313-555-0190 is my direct line.",
    "Teen in Tyne and Wear, NHS, parent programme. Thanks!\nDeb\ncall or text me, Deb, 720-555-0188",
    # authors of a named approach, and a training level
    "Looking for Paul Gilbert's compassion-focused therapy, adult, Aetna.",
    "Circle of Security (Powell, Cooper, Hoffman & Marvin) or Incredible Years (Webster-Stratton), Medicaid.",
    "Gottman Method (Level 3 or beyond) or EFT for a couple in their 30s.",
    # a heading, a list tag, schemes and regions abroad, a greeting in another language
    "REFERRAL REQUEST - RIVERSIDE CMHC INTAKE\nAdult, anxiety, Aetna.",
    "Subject: [NZAC-Nelson-Tasman] Counsellor for older man, rural",
    "Adult in KZN, Momentum or Medshield, telehealth. Jazakallah!",
    # a free slot, a needed time and a start date are logistics
    "Adult, anxiety, Aetna. My every other Monday at 5 is open now if anyone needs it.",
    "Teen, school refusal, Medicaid. She can start the week after the holidays.",
    "Adult, anxiety, Aetna. My first Monday slot is open, and my Monday slot is free too.",
    "We're in Portland (a group practice), looking for a DBT team for an adult client, Aetna.",
    "Maine Counselors Forum › Referrals › Men's depression, western Maine\n\nAdult, Aetna, evenings.",
    "Nairaland › Health › Pls where can I get good psychologist\n\nAdult, NHIS, evenings.",
    "Client 1, adult, anxiety, Aetna. Prefers Waray or Tagalog; Medi Assist covers it.",
    "Title: Dr\nAdult, depression, Aetna.",
    # the poster's own card above a quoted e-mail
    "Can you see him this week? Adult, Aetna.\n\nKind regards,\nZanele Khumalo\nCase Manager, Ukhanyise\n"
    "0800 555 014 | zanele.k@example.net\n\n-----Original Message-----\nFrom: HR\nSubject: referral",
    # the poster's own name and number, and a colleague's opening
    "it's Gina 🙂 any room for EMDR? adult, single-incident trauma, Optum, evenings.",
    "Adult ADHD testing, Aetna, mornings. call me back at 919-555-0133 when u can",
    "Adult, trauma, Aetna.\n\nCall/text me: Yesenia Ruiz, LPC-Associate (supervised by Dr. Tom Bell) 713-555-0172",
    "Adult, Aetna, evenings. Ben Okafor mentioned he may have a Thursday 5:30 opening in Loveland next month.",
    "**Maya R.** looking for PCIT for a preschooler, Medicaid, mornings\n**Tom K.** I have Thurs 10am open\n"
    "**Maya R.** 🙌 sending consult form",
    # Session 13 (blind batch AG): the poster's own line, however it is introduced; a billing code
    "Adult, anxiety, Aetna. If it's easier, my intake line is 201-555-0133.",
    "Adult, Aetna. Please call the unit at 410-555-0100 and ask for me.",
    "Adult, Medicaid, evenings. What's your intake #? (ours is 317-555-0100)",
    "Adult, Aetna, evenings. I'm at 404-555-0178 if you'd rather text!",
    "Adult, PTSD, CPT or PE. call me back at the center 210-555-0150 when u can",
    "Teen, ADHD, Aetna. CPT # 90837 is what we bill.",
    # colleagues: addressed in a reply, in the poster's office, the one the client starts with
    "Tamika — I think Latoya Simmons in our office could see her. Adult, Aetna.",
    "Update for the archive: the couple are starting with Dana Whitlock. I referred her to Omar Haddad.",
    # the poster naming themself and where they work; a client told without a name
    "hi its Keisha from the DV program. adult, DV survivor, Medicaid, evenings.",
    "Dr. Farah, this is Leila at the resettlement office. Adult, Arabic-speaking, Medicaid.",
    "Older adult, Medicare, needs home visits. ty!! (it's Paula, new number)",
    "Client is college-age, Ambetter, lives in Georgia, telehealth only.",
    "Adult, trauma + dissociation? Aetna, telehealth VA/MD/DC, Friday afternoons.",
    "We discharge most people on Fridays, so Monday intakes are easiest. Adult, Aetna.",
    # a colleague's forwarded message (an organisation's address) and a digest's messages
    "See below.\n\n---------- Forwarded message ---------\nFrom: Tonya Bishop <tbishop@northside.example.org>\n"
    "Subject: teen IOP\n\nAdolescent, IOP, Medicaid.",
    "Today's digest\n\nMessage: 1\nFrom: Kim Ferris <kferris@gmail.com>\nSubject: Seeking adolescent IOP\n\n"
    "Adolescent, IOP, Medicaid.",
    "Adults, new baby + conflict, Aetna, telehealth in CO, Tues/Thurs after 6.",
]


@pytest.mark.parametrize(("draft", "expected", "category"), FOUND, ids=[f"{c}:{e}" for _, e, c in FOUND])
def test_identifier_found(linter: Linter, draft: str, expected: str, category: str) -> None:
    report = linter.lint(draft)
    start = draft.index(expected)
    hits = [f for f in report.findings if f.overlaps(start, start + len(expected))]
    assert hits, f"{expected!r} not flagged in {draft!r}: {report.findings}"
    assert hits[0].category == category
    assert set(f.text for f in hits) <= set(draft[f.start:f.end] for f in hits)


@pytest.mark.parametrize("draft", TRAPS)
def test_trap_left_alone(linter: Linter, draft: str) -> None:
    report = linter.lint(draft)
    assert report.findings == [], [(f.code, f.text) for f in report.findings]


@pytest.mark.parametrize("draft", LEARNED_TAGGER_TRAPS)
def test_trap_left_alone_by_the_rules(rules_linter: Linter, draft: str) -> None:
    report = rules_linter.lint(draft)
    assert report.findings == [], [(f.code, f.text) for f in report.findings]


def test_age_over_89_is_an_error(linter: Linter) -> None:
    severities = {f.text: f.severity for f in linter.lint("Her 94-year-old grandmother; client is 34F.").findings}
    assert severities == {"94-year-old": "error", "34F": "warning"}


@pytest.mark.parametrize("draft", ["Widowed, she's 93 and lives alone.", "Name: withheld\nAge: 91\nDx: MDD"])
def test_any_age_over_89_takes_the_over_89_rule(linter: Linter, draft: str) -> None:
    """However an age is phrased, over 89 it is the error-level rule (safe harbor C)."""
    (age,) = [f for f in linter.lint(draft).findings if f.category == "AGE"]
    assert (age.code, age.severity) == ("A102", "error")


def test_a_forms_columns_are_separate_fields(linter: Linter) -> None:
    draft = "> Student: Elijah Brooks      Student ID: 600281734\n> DOB: 05/30/2013      Grade: 5"
    found = {(f.category, f.text) for f in linter.lint(draft).findings}
    assert found == {("NAME", "Elijah Brooks"), ("ID", "600281734"), ("DATE", "05/30/2013")}


@pytest.mark.parametrize(("draft", "name"), [
    ("She waits tables at Applebee's, anxiety, Aetna.", "Applebee's"),
    ("His dad manages the Casey's on Hwy 30.", "Casey's"),
    ("She's a dinner lady at St Bede's, mum of three.", "St Bede's"),
])
def test_a_shops_or_saints_own_s_is_part_of_its_name(linter: Linter, draft: str, name: str) -> None:
    """"Applebee's" is the name; redacted, no stray "'s" is left behind."""
    report = linter.lint(draft)
    assert name in [f.text for f in report.findings]
    assert "'s" not in report.redacted.replace("She's", "")


def test_a_full_names_surname_alone_is_the_same_person(linter: Linter) -> None:
    draft = ("Subject: referral - Dominguez\n\nHi Beth, one of our employees, Hector Dominguez, 52, failed a "
             "drug screen. Hector has agreed to an evaluation.")
    names = [f.text for f in linter.lint(draft).findings if f.category == "NAME"]
    assert names == ["Dominguez", "Hector Dominguez", "Hector"]


def test_a_possessive_is_not_part_of_a_name(linter: Linter) -> None:
    texts = [f.text for f in linter.lint("Kayla's mom called; she works at Walmart's distribution center.").findings]
    assert "Kayla" in texts and "Kayla's" not in texts


def test_a_relative_word_is_not_part_of_the_name(linter: Linter) -> None:
    draft = "Hi Dr. K, Marnie from Sunrise Home Health. Grandpa Lou (Mr. Pellegrino) is 94 now."
    names = [f.text for f in linter.lint(draft).findings if f.category == "NAME"]
    assert names == ["Lou", "Pellegrino"]


def test_findings_carry_rule_metadata(linter: Linter) -> None:
    (finding,) = linter.lint("Lost her husband Mark to cancer.").findings
    assert finding.code == "N102" and finding.safe_harbor == "A" and finding.severity == "error"
    assert finding.message and finding.fix and (finding.line, finding.column) == (1, 18)


def test_overlapping_results_merge_into_one_most_specific(linter: Linter) -> None:
    report = linter.lint("Reach her at kayla.jensen@example.com please.")
    assert [(f.category, f.text) for f in report.findings] == [("CONTACT", "kayla.jensen@example.com")]


@pytest.mark.parametrize(("draft", "event"), [
    # runs on to the end of its clause, not onto a function word
    ("He survived the tour-bus crash on the mountain highway. Grief.", "tour-bus crash on the mountain highway"),
    ("She is one of the conjoined twins separated at birth, and now 30.", "conjoined twins separated at birth"),
    # stops at a clause break, a date, another finding
    ("She survived the Camp Fire and lost her home.", "Camp Fire"),
    ("His speech went viral on TikTok last Tuesday.", "went viral on TikTok"),
    ("She was hurt in the bus crash with her brother.", "bus crash"),
    # runs on up to a place or a workplace it is told with, not to a date
    ("She survived the bus crash near the Kroger in Kingsport.", "bus crash near the"),
    ("He survived the tour-bus crash on the Mexico-Cuernavaca highway.", "tour-bus crash on the"),
    ("He survived the bus crash in March.", "bus crash"),
])
def test_a_described_event_grows_to_the_end_of_its_clause(rules_linter: Linter, draft: str, event: str) -> None:
    assert event in [f.text for f in rules_linter.lint(draft).findings if f.category == "DISTINCTIVE"]


@pytest.mark.parametrize(("draft", "role"), [
    # a role runs on over what it is a role of, to the end of its clause
    ("He's the morning DJ on the country station out of Idaho Falls.", "morning DJ on the country station"),
    ("lives in Bozeman, was a lineman for the electric co-op til he got hurt", "lineman for the electric co-op"),
    # but not over anything else
    ("Her dad is the county coroner and she works nights.", "coroner"),
])
def test_a_role_runs_on_over_what_it_is_a_role_of(rules_linter: Linter, draft: str, role: str) -> None:
    assert role in [f.text for f in rules_linter.lint(draft).findings if f.category == "OCCUPATION"]


def test_keep_spans_are_recognised(linter: Linter) -> None:
    report = linter.lint("Adult client, EMDR for PTSD, Aetna, telehealth in Oregon, evenings.")
    labels = {report.text[k.start:k.end]: k.label for k in report.keep}
    assert labels["EMDR"] == "MODALITY" and labels["Aetna"] == "INSURANCE"
    assert labels["Oregon"] == "REGION" and labels["PTSD"] == "CONCERN"


@pytest.mark.parametrize("draft, word", [
    ("She lives in Sisters, OR. Sisters is tiny, so everyone knows her.", "Sisters"),
    ("My client works at Breitenbush. Breitenbush staff all know each other.", "Breitenbush"),
])
def test_a_flagged_place_or_workplace_is_flagged_wherever_it_appears(linter, draft, word):
    report = linter.lint(draft)
    assert [f.text for f in report.findings if f.text == word] == [word, word]
    assert word not in report.redacted


@pytest.mark.parametrize("draft", [
    "Adult in OR, 34, Aetna.",          # a state code before an age is not initials
    "Lad is 19 and struggling at uni.", # a word for the client is not a name
    "Everyone calls him that, even his mom. Trauma stuff that came up once he got clean.",
    "Thanks all, reply off list.\n\nKim\n\n> -----Original Message-----\n> Hi all, adult, ADHD.",
    "Adult, OCD, Aetna.\n\n— R. Sandoval, MD\n\n> **Reply from hkimura_lpc:** I'm in network",
])
def test_no_name_in(linter: Linter, draft: str) -> None:
    names = [f.text for f in linter.lint(draft).findings if f.category == "NAME"]
    assert names == [], names


def test_a_person_word_before_an_age_is_not_a_name(linter: Linter) -> None:
    # gender-guesser lists Guy and Boy as names; written in lower case they are the words
    for draft in ("the guy (34) is anxious", "a boy, 8, with tics"):
        assert [f.category for f in linter.lint(draft).findings] == ["AGE"], draft


@pytest.mark.parametrize("draft", [
    "She is a 26-year-old graduate student at UVM, an international student.",
    "I have an employee at Halvorsen Freight who needs a short-term counselor.",
    # a generic job at a huge employer (rules/lexicons/big_employers.txt) is the employer only
    "Woman in her 30s, nurse at Banner who is dealing with work stress.",
    "He is a machinist at Spirit AeroSystems, just moved to days.",
    "Couples work: soldier at Fort Bliss + spouse, both in their 20s.",
])
def test_a_student_or_employee_is_not_an_occupation(linter: Linter, draft: str) -> None:
    """Belonging to a school or firm is not a job: the place is the finding (EMPLOYER)."""
    categories = {f.category for f in linter.lint(draft).findings}
    assert "OCCUPATION" not in categories and "EMPLOYER" in categories


def test_in_a_pasted_chat_only_the_first_speaker_talks_about_the_client(linter: Linter) -> None:
    """Other speakers answer: the colleagues and places they name are not the client's."""
    draft = ("**Nina B, LMFT** 3:40 PM\nNeed EMDR for a client, NICU nurse at Mercy, my Friday 8am.\n"
             "**Oscar M** 3:44 PM\nDana Whitfield, she's out in Lenexa and only does EMDR\n"
             "[10:20] Pam Wu: try Kelsey Brandt at Fuel Forward\n[10:21] Nina B: thanks!")
    found = {f.text for f in linter.lint(draft).findings}
    assert {"Mercy", "Friday 8am"} <= found
    assert not found & {"Dana Whitfield", "Lenexa", "Kelsey Brandt", "Fuel Forward"}


@pytest.mark.parametrize("draft", [
    # Slack's bold speakers, a hyphenated first name
    "*Ms. Reyes (school psych)*: need DBT for a 15yo at Roosevelt High, Medicaid\n"
    "*Anne-Marie (CAS)*: try Laura Pratt at Fuel Forward, she's in Lenexa",
    # Teams header lines: the name, a role, the time (after or stamped before), the message below
    "[3:41 AM] Carlos Medina (ED SW)\nNeed someone for a 15yo at Roosevelt High, Medicaid\n"
    "[3:44 AM] Tasha Greene (charge RN)\nTry Laura Pratt at Fuel Forward, she's in Lenexa",
    "Sophie Tran (Discharge Planner) 09:10\nNeed someone for a 15yo at Roosevelt High, Medicaid\n"
    "Dr Lim Kok Hwa 4:10 PM\nTry Laura Pratt at Fuel Forward, she's in Lenexa",
])
def test_other_chat_formats_have_speakers_too(linter: Linter, draft: str) -> None:
    found = {f.text for f in linter.lint(draft).findings}
    assert {"15yo", "Roosevelt High"} <= found
    assert not found & {"Reyes", "Anne-Marie", "Sophie Tran", "Lim Kok Hwa", "Carlos Medina", "Tasha Greene",
                        "Laura Pratt", "Fuel Forward", "Lenexa"}


def test_the_first_speaker_speaking_again_is_still_about_the_client(linter: Linter) -> None:
    """A credential on a stamped header line does not make the rest of the chat a signature."""
    draft = ("[3:41 AM] Carlos Medina (ED SW)\nBoarding pt, 67, dementia w/ agitation, Medicare.\n"
             "[3:44 AM] Tasha Greene (charge RN)\nis she Humana?\n"
             "[3:45 AM] Carlos Medina (ED SW)\nyes, member ID H5550-1749-02. daughter Linda 513-555-0186 is POA")
    found = {f.text for f in linter.lint(draft).findings}
    assert {"H5550-1749-02", "Linda", "513-555-0186"} <= found


def test_a_small_towns_area_is_the_town_and_a_citys_area_a_region(linter: Linter) -> None:
    """"Seattle area" is a broad region a referral may keep; "Bangor area" names Bangor."""
    assert [f.text for f in linter.lint("Adult, Seattle area, Aetna.").findings] == []
    assert "Cabot" in {f.text for f in linter.lint("4th grader, trauma, Cabot area. Medicaid.").findings}


#: Shapes blind batch AC showed missing, each found with exactly this text: numbers after a hospital,
#: registration, enrolee, permit or birth-certificate label, in brackets, with slashes, or "ends
#: 4417"; day-month-year with hyphens, year/month/day with slashes, a short weekday before the day;
#: initials without a last dot after a title or in quotes; nicknames in quotes.
FOUND_EXACTLY = [
    ("The Ministry file number is MWA/AK/0231/24 and the police know.", "MWA/AK/0231/24", "ID"),
    ("Hosp no. 24-018833 / PhilHealth no. 12-055501234-7", "12-055501234-7", "ID"),
    ("Aadhaar ends 4417 if needed for the card.", "4417", "ID"),
    ("Anyone know if it helps to quote his PPSN (6555012TA) when chasing?", "6555012TA", "ID"),
    ("Birth cert no: T10555012J", "T10555012J", "ID"),
    ("Claim ref: PI/2023/5550147. Please contact the client directly.", "PI/2023/5550147", "ID"),
    ("Siti, 26, FIN G5550123X, needs a counsellor.", "G5550123X", "ID"),
    ("NHIA enrolee no. NHIA/FCT/555012/01. Igbo or English.", "NHIA/FCT/555012/01", "ID"),
    ("Reference: 97701.", "97701", "ID"),
    ("DOB: 14-Aug-2001", "14-Aug-2001", "DATE"),
    ("Learner: L. M. DOB: 2010/02/14 Grade: 9", "2010/02/14", "DATE"),
    ("She was found crying in the washroom on Fri 8th by a teammate.", "Fri 8th", "DATE"),
    ("Can you take an urgent one Tues the 14th?", "Tues the 14th", "DATE"),
    ('A staff member, "W.K" in my notes, was carjacked.', "W.K", "NAME"),
    ("A senior manager I will refer to as Mr. O.A for now.", "O.A", "NAME"),
    ("client J.M, 24, newly married", "J.M", "NAME"),
    ('Name: Sipho "Spha" Ndlovu', 'Sipho "Spha" Ndlovu', "NAME"),
    ('Joy Osagie (family calls her "Osas"), 24', "Osas", "NAME"),
    ('He is going by "AK" with friends.', "AK", "NAME"),
    ('Charisse Mae Abellana ("Cha-cha"), 13, has nightmares.', "Cha-cha", "NAME"),
    # Session 13, from blind batch AG: numbers after a plan's or an agency's acronym, "file",
    # "lunch #", "cert"; a letter-year-number case; hyphened surnames the model or the
    # gazetteer read as a place or an organisation; a forwarded e-mail's sender; ages in
    # "(19, they/them)", "she'll be 96" and Spanish "añitos".
    ("Canada Life policy GW 77310459 cert 0041127. Adult, GAD.", "GW 77310459", "ID"),
    ("Canada Life policy GW 77310459 cert 0041127. Adult, GAD.", "0041127", "ID"),
    ("Medicare no.: 4127 38851 2\nNDIS no.: 430 882 615\nMum: Hinemoa", "430 882 615", "ID"),
    ('"Jaxon Tremblay-Nakamura, PHN 9876 543 217, MCFD file C-2024-08812"', "9876 543 217", "ID"),
    ('"Jaxon Tremblay-Nakamura, PHN 9876 543 217, MCFD file C-2024-08812"', "C-2024-08812", "ID"),
    ('"Jaxon Tremblay-Nakamura, PHN 9876 543 217, MCFD file C-2024-08812"', "Jaxon Tremblay-Nakamura", "NAME"),
    ("Zuri Bankole-Hayes, lunch # 448210, panic attacks in PE.", "448210", "ID"),
    ("His CHI is 1203094417 if a GP letter's needed.", "1203094417", "ID"),
    ("Rosalind Achebe 11/02/59 MCD 44-1992-8371, depression", "44-1992-8371", "ID"),
    ("warm handoff from peds? Liam O'Rourke-Diaz, MRN 3349021, panic attacks", "Liam O'Rourke-Diaz", "NAME"),
    ("[05/03/2025, 18:23] Sarah (Clin Psych): Imogen Farrow-Shah, 15, seen in A&E", "Imogen Farrow-Shah", "NAME"),
    ('reads: "Re: Ms Shanice Okoro-Bennett, DOB 22/07/1989', "Shanice Okoro-Bennett", "NAME"),
    ("> I have a 9-year-old boy, Caleb Beaulieu, in St. Johnsbury whose mom called", "Caleb Beaulieu", "NAME"),
    ("Forwarding with the mother's permission:\n\n---------- Forwarded message ---------\n"
     "From: Agnieszka Wiśniewska <a.wisniewska@example.com>\nSubject: help for our son", "Agnieszka Wiśniewska", "NAME"),
    ("Looking for a trans-affirming therapist for Hope (19, they/them), who just moved.", "19", "AGE"),
    ("Mom is Alice Hathaway, she'll be 96 on the 22nd.", "96", "AGE"),
    ("la niña se llama Yaretzi Huerta, 7 añitos, selective mutism", "7 añitos", "AGE"),
    ("Subject: Referral - Kitchener-Waterloo - Arabic-speaking family therapist", "Waterloo", "LOCATION"),
    ("Darnell got discharged this am. new cell 504-555-0129, staying at a shelter.", "504-555-0129", "CONTACT"),
    ("He's 20, first-episode psychosis, d/c'd from Cottonwood Behavioral Sunday with a script.", "Sunday", "DATE"),
    ("Mr. Whitaker died at home Sunday morning. His wife, Ruth, is 94.", "Sunday morning", "DATE"),
    ("gracias!! mi cel no sirve, mándaselo a mi esposo Rigo al 773-555-0149", "Rigo", "NAME"),
    ("We kept his name, Abenezer, and he's proud of it.", "Abenezer", "NAME"),
    ("In person in Frisco or Silverthorne on her days off, telehealth otherwise.", "Silverthorne", "LOCATION"),
    ("She lives in Bend and Sue visits her on Sundays.", "Sue", "NAME"),
    ("He sees me for skills work Saturdays at 9 and wants to keep that.", "Saturdays at 9", "TIMING"),
    ("He's my Thursday lunch-hour client for couples work.", "Thursday lunch-hour", "TIMING"),
    ("I had him Wednesdays at 3:45 til my hours changed.", "Wednesdays at 3:45", "TIMING"),
    ("I've been checking in with her Tuesdays but she needs more.", "Tuesdays", "TIMING"),
    ("Couples referral: Faith and Marcus Dunleavy, married 8 yrs, in their late 30s.", "Faith", "NAME"),
    # Session 14, from blind batches AK and AL: labelled numbers abroad, names in pasted forms
    # and chats, three-digit ages, a student's college, a town ending a subject line.
    ("Encik Razak bin Hamid, MyKad 520915-07-5521, staying with his daughter.", "520915-07-5521", "ID"),
    ("Maria Dela Cruz, PhilHealth 12-050123456-7, Antipolo.", "12-050123456-7", "ID"),
    ("Aoibhinn, final year at TCD, student no. 20334781.", "20334781", "ID"),
    ("Mrs. Bridget Fitzgerald, MCP 123 456 789 012, lives alone.", "123 456 789 012", "ID"),
    ("Jayden Walker, Yr 9, NHI ZKM4821. School refusal.", "ZKM4821", "ID"),
    ("NI number QQ 12 34 56 C if the employer's scheme asks.", "QQ 12 34 56 C", "ID"),
    ("Name: Nur Aisyah binti Kamal\nMyKad: 080417-10-6634", "Nur Aisyah binti Kamal", "NAME"),
    ("[2/6/25, 6:41 AM] Kofi: Precious Nwachukwu 17F DOB 3/28/2007, SI with plan", "Precious Nwachukwu", "NAME"),
    ("new referral, faxing the rest:\n\nDawn Ellery 03/22/71\nMCD 77410923", "Dawn Ellery", "NAME"),
    ("web inquiry:\nKeisha Martin / keisha.m@example.com / adult / postpartum anxiety", "Keisha Martin", "NAME"),
    ("case manager here. I'm working with destiny h. who rode out the flood.", "destiny h", "NAME"),
    ("She's 101, still lives at home with help.", "101", "AGE"),
    ("Referral for Psych OPD f/u (58/F), depression.", "58/F", "AGE"),
    ("[19:23] Gord T.: 62, wife died of cancer, grief.", "62", "AGE"),
    ("Boarding pt - Helen Marsh, MRN 00482231, 91, brought in by daughter.", "91", "AGE"),
    ("McKenna, who's a senior at BYU, has scrupulosity.", "BYU", "EMPLOYER"),
    ("Subject: RE: Referral: older adult bereavement, Fife\n\nThanks Iain", "Fife", "LOCATION"),
    ("Couples referral, Dayton area, Anthem.", "Dayton", "LOCATION"),
    ("His wife passed the Sunday before Easter and he's not eating.", "the Sunday before Easter", "DATE"),
    ("Her daughter jenna kowalczyk (17) is the girl who went back into the fire.", "jenna kowalczyk", "NAME"),
    ("his name's King, 16, streams as @KingVoltz and got swatted live.", "@KingVoltz", "NETWORK"),
    ("She's @gilbertmamaof4 on IG, around 80k followers.", "@gilbertmamaof4", "NETWORK"),
    ("posting scary stuff on her TikTok (@lexi.wanders.__) lately", "@lexi.wanders.__", "NETWORK"),
    ("she posts a LOT on r/BPD as u/moth_and_lantern, about our sessions", "u/moth_and_lantern", "NETWORK"),
    ("Mum's happy for you to add her on Snapchat (mel.nw.penrith).", "mel.nw.penrith", "NETWORK"),
    ("Her Snap is kenz.w0909. She's being referred out.", "kenz.w0909", "NETWORK"),
    ("Currently seen Wednesdays at 4:30 and he'd like to keep a similar slot.", "Wednesdays at 4:30", "TIMING"),
    ("She's had a standing Weds 7pm CT slot for about a year.", "Weds 7pm CT", "TIMING"),
    ("Kate is out on leave; her 9am Monday client needs to be reassigned.", "9am Monday", "TIMING"),
    ("could you take over the adult I see Friday 8am? panic disorder", "Friday 8am", "TIMING"),
    ("hey. my first thing Tuesday guy just told me he's been sleeping in his car", "first thing Tuesday", "TIMING"),
    ("PhilHealth on file, Brgy. San Roque, Antipolo. Psychosis po.", "Brgy. San Roque", "LOCATION"),
    ("Lives with parents in Andheri West. Family willing for admission.", "Andheri West", "LOCATION"),
    ("they live in East Legon. private is ok for them.", "East Legon", "LOCATION"),
    ("Older man, lives in Fife, bereavement after his wife's death.", "Fife", "LOCATION"),
    ("Name: Mrs Margaret Lindsay (known as Peggy)\nCHI: 0703319876", "Margaret Lindsay", "NAME"),
    ("Encik Razak bin Hamid, MyKad 520915-07-5521, lives with his daughter.", "Razak bin Hamid", "NAME"),
    ("Please call me about her mom, 541-555-0188, she is the contact.", "541-555-0188", "CONTACT"),
    # session 15: direct identifiers as busy clinicians write them (batch AN's shapes)
    ("an ICU nurse, Maria Lourdes dela Cruz (everyone calls her Malou), early 50s", "Maria Lourdes dela Cruz", "NAME"),
    ('[14/02, 9:13 am] Hawa Ismail LMHC: "Abdirahman Warsame: Walaal she does not eat with us. '
     'My phone +1 612 555 0172"', "Abdirahman Warsame", "NAME"),
    ('[14/02, 9:13 am] Hawa Ismail LMHC: "Abdirahman Warsame: Walaal she does not eat with us. '
     'My phone +1 612 555 0172"', "+1 612 555 0172", "CONTACT"),
    ('Sofia: "Tue 8:14 PM — Lupe Carrasco: hola doctora, soy la mamá de Iker."', "Lupe Carrasco", "NAME"),
    ("For the referral packet: Kowalczyk, Bartosz / 11-02-2008 / Medicaid 1122334455", "Kowalczyk, Bartosz", "NAME"),
    ("needs outpt f/u before d/c: Papadopoulos, Eleni 02/09/1931, MRN 004117283.", "Papadopoulos, Eleni", "NAME"),
    ("His name's theo, he's lovely, cannabis dependence.", "theo", "NAME"),
    ("Client's jo, early 20s, lovely, just needs someone steady.", "jo", "NAME"),
    ('Pt name: PETRENKO, Oleksandra (pref "Sasha")', "Sasha", "NAME"),
    ('Jericho Bautista a.k.a. "Echo", 17, Grade 11.', "Echo", "NAME"),
    ("Ph: 773_555_0190 / alt 773-555-0139", "773_555_0190", "CONTACT"),
    ("Anthem Blue Cross under her dad, policy XWP884120377, group 00417. She asked", "00417", "ID"),
    ("Ins/Member#: BCBSIL  Grp#: B04418", "B04418", "ID"),
    ("24, 400L at UNILAG, matric no 170403512. She's staying with her aunty.", "170403512", "ID"),
    ("DOB: April 17th, 1999\nSSN (last 4): 0419\nADDRESS: withheld", "0419", "ID"),
    ("Member ID U4419028 01, group 3341876. While I fight this", "U4419028 01", "ID"),
    ("She lives in San Miguel de Allende now. Adult, anxiety.", "San Miguel de Allende", "LOCATION"),
    ("Daughter-in-law is the contact: Dolores, 216-555-0172.", "Dolores", "NAME"),
    ("anyone have an IOP contact? d/c is likely tmrw. details for whoever grabs it", "tmrw", "DATE"),
    ("Mum is Morag, 01463 555 0121.", "01463 555 0121", "CONTACT"),
    ("Address: Blk 512 Jurong West St 52\nHP (son): 9555 0184\n", "9555 0184", "CONTACT"),
    ("Mother: Siti Hajar, HP 8555 0126\nShe has been very quiet.", "Siti Hajar", "NAME"),
    ("Dispo help pls. 31M, HSN 813 402 776, from Meadow Lake", "813 402 776", "ID"),
    ("Case: Hollis v. Hollis, 24-DR-01187. The kids are 11 and 8.", "24-DR-01187", "ID"),
    ("hearing in Marion County Superior Court (cause no. 49D12-2410-F6-031884)", "49D12-2410-F6-031884", "ID"),
    ("mom gave the member ID as W2849 337 10 (Anthem), kid is 9", "W2849 337 10", "ID"),
    ("See below.\n\n---------- Forwarded message ---------\nFrom: Tanya Beaulieu <tbeaulieu.home@gmail.com>\n"
     "Subject: help\n\nHe needs help. My cell is 603-555-0129. Please call me at 603-555-0130.\n\nTanya",
     "603-555-0130", "CONTACT"),
    ("pt K.M., 22, dc'ing from Lakeshore Recovery Center Friday, Cigna", "Friday", "DATE"),
    ("She brought him in Sunday night after he told her he didn't see the point.", "Sunday night", "DATE"),
    ("came home over Chuseok and told them he's been hearing voices", "Chuseok", "DATE"),
    ("new intake, referred by EAP:\n> Marcus Bell, 30s, Amazon warehouse in Kent", "Marcus Bell", "NAME"),
    ("Following up on my voicemail. Seun is a late-20s man I saw for four sessions.", "Seun", "NAME"),
    ("details for whoever grabs it:\n• GUTIERREZ, Rafael — MRN 00918273 — DOB 4/7/58", "GUTIERREZ, Rafael", "NAME"),
    ("Pt: Villanueva, Andrés | DOB 03/09/1979 | Medicaid ID 7730018452", "Villanueva, Andrés", "NAME"),
    ("**Marisela Ortiz** 11:48 AM\nposting in #referrals-external per Kim: need a counselor for Roberto Salinas "
     "(goes by Beto), DOB 4/9/1987.", "Roberto Salinas", "NAME"),
    ("Forwarding this from a prospective client's husband.\n\n---------- Forwarded message ---------\n"
     "From: Omar Al-Khatib <omar.alkhatib@gmail.com>\nSubject: help for my wife\n\nMy wife needs someone.",
     "Omar Al-Khatib", "NAME"),
    ("Forwarding this from a prospective client's husband.\n\n---------- Forwarded message ---------\n"
     "From: Omar Al-Khatib <omar.alkhatib@gmail.com>\nSubject: help for my wife\n\nMy wife needs someone.",
     "omar.alkhatib@gmail.com", "CONTACT"),
]


@pytest.mark.parametrize(("draft", "expected", "category"), FOUND_EXACTLY,
                         ids=[f"{c}:{e}" for _, e, c in FOUND_EXACTLY])
def test_identifier_found_exactly(linter: Linter, draft: str, expected: str, category: str) -> None:
    assert (category, expected) in [(f.category, f.text) for f in linter.lint(draft).findings]
