"""Every score and threshold the matcher uses, in one place, each with its reason.

Days are counted bank date − books date: a receipt booked on the 10th and credited on the 12th is
+2. Amounts are integer paise.
"""

from __future__ import annotations

import numpy as np

# --- the window -------------------------------------------------------------------------------
DAYS_BEFORE = 3
"""The bank may show a line up to 3 days before the books (a payment booked when the bill was
approved, after the transfer went out)."""
DAYS_AFTER = 7
"""… and up to 7 days after (cheques deposited, clearing, a weekend and a bank holiday).
References match at any distance: a cheque is often presented 10–25 days after it is written."""
CHEQUE_DAYS_AFTER = 30
"""A cheque the books record without its number may reach the bank up to 30 days later (written,
handed over, deposited, cleared): such a pair is taken when its names are at least
COMBINATION_ALIKE alike and no other pair of that amount and alike names is in those 30 days."""
BROUGHT_FORWARD_DAYS = 92
"""An item carried from last month's BRS (`--last-brs`) may clear up to a quarter after its own
date: a cheque is valid for three months from its date (RBI, since 1 April 2012), and a bank
charge of the month's end is booked when the statement arrives. Only such items look so far,
and only where the amount is each other's one open candidate (`xlbo.bank.brought_forward`)."""
BROUGHT_FORWARD_SCORE = 90
"""The score of a pair of an item brought forward and this month's line of the same amount, each
the other's only open candidate in BROUGHT_FORWARD_DAYS: no reference or name backs it, but
last month's BRS says the item was waiting for exactly this."""
MAX_WINDOW_DAYS = 90
"""The furthest `--days-before`/`--days-after` may reach: past a quarter, a same-amount pair is
chance, not a match."""

# --- a ledger the wrong way round (xlbo.bank.wrong_way) -------------------------------------
WRONG_WAY_SHARE = 0.5
"""A ledger at least half of whose lines equal a bank line only the other way round (the same
amount on the other side: its Credit where the bank shows a deposit), by a shared reference, else
on the same day, else in the window, and more than WRONG_WAY_OVER times as many as equal one as
they stand, has its Debit and Credit exchanged: the run stops before matching. Measured on the
demo's months: such a ledger of 10,000 lines a side has 82% of its lines the other way round
(13 times those as they stand), of 100,000 lines 64% (4.2 times), of 1,000,000 lines 63% (2.7
times: amounts repeat more in a bigger month, and chance puts more on the ledger's own side); the
right ledger 2-4% (its reversals, returns and chance), another company's ledger 6-7% with four
times as many as they stand. A month's genuine reversals and returned cheques
are a few lines, never half."""
WRONG_WAY_OVER = 2
"""… and more than this many times the lines that equal a bank line as they stand: where a
ledger's amounts meet the bank's on both sides alike (another account's ledger, amounts that
repeat), its sides say nothing. Twice, not three times: a million-line month the wrong way round
has 2.7 times (see above); the right ledger has a twentieth, another company's a quarter."""
WRONG_WAY_LINES = 3
"""Fewest ledger lines the other way round to say so: one or two prove nothing."""

# --- names (xlbo.bank.parties) ---------------------------------------------------------------
WHOLE_TENTHS = 2
"""Tenths of a likeness that compare the two names whole (the rest compares their words, or the
shorter inside the longer): a name cut short or missing a word stays near 100 but below the
name written in full, so of two parties whose words both cover a narration's name, the one
written the same way wins; and where a name has initials, how many words of each name the
other accounts for (`explained`)."""
TURNED_ROUND = 12
"""What a name's words put in another order to fit a run costs (`_whole_in_run_order`):
ASHOKAGARW is still 95 alike to Agarwal Ashok (98 to Ashok Agarwal), above the 90 a booking
days late needs; SUNILKUMAR 97 to Kumar Sunil, 100 to Sunil Kumar."""
STRAY_FRAGMENT = 6
"""Points off where a name ends in a short piece (three letters or fewer: the bank cut
`JALARAM LOGISTICS` to `JALARAM LO`) that starts no word of the other name: of `jalaram`
(Jalaram & Co.) and `jalaram logistics`, both near 100 alike by their words, the second explains
the `lo`. A few points, so a name that explains it wins and, where none does, the pair still
stands on its other words."""
CONTRADICTED = 40
"""How alike two names are at most where they share a word written the same and each holds a
word the other cannot account for (`parties.Likeness`): `SANJAY FERNANDES` and Manoj Fernandes,
`S R KHANNA` and Girish Khanna, Jai Sai Agencies and Om Sai Agencies are other persons or firms,
however many letters they share (84, 76 and 90 by their words); so are two names of the same
initials in another order, the rest alike (`R K ENTERPRISES` and K R Enterprises: each a word
for word account of the other, 100 by their words). Below NAMES_DIFFER_BELOW: such
names differ, and are matched on amount alone only as names that share nothing are."""
EXPLAINED_FROM = 50
"""Pairs at least this alike by their word sets (NAMES_DIFFER_BELOW: every pair that would count
as alike) are also weighed by the share of each name's words the other explains (initials,
cut-short and run-together words), and score the better of the two: `PARIKH NIRAV KRUPA` is
Nirav K. Parikh (every word explained) before Krupa Parikh (a subset); and are checked for
words that contradict (CONTRADICTED). From 50, not 60: names that share one word and little
else score 50-59 by their word sets (`girishpate` and Patel Sunita 53, `CHATTERJEE RAMESH N`
and Ramesh Hasmukh Khan 51), and unchecked they were alike enough to be paired on amount and
date with another party's line (an outsider's ICICI month of 100,000 lines: 16 fewer false
pairs and 24 fewer missed). Below it they are another party whatever the initials say."""

# --- pass 2: amount and date ------------------------------------------------------------------
BASE_FIT = 70
"""Fitness of a same-amount pair before names and days are weighed."""
NAME_WEIGHT_TENTHS = 3
"""Each point of name likeness (0–100) adds 0.3: names outweigh a day or two of clearing."""
DAY_PENALTY = 2
"""Each day the bank is after the books costs 2: of two equally named candidates, the nearer in
date wins."""
DAY_PENALTY_BEFORE = 3
"""Each day the bank is *before* the books costs 3: money rarely moves before its voucher is
written, so of a party's two payments of one amount, the bank's later line goes with the
books' later one (the window leans the same way: 3 days before, 7 after)."""
NAMES_DIFFER_BELOW = 50
"""Two names (both known) less alike than this are different parties. Such a pair is never
matched on amount alone where either line has another candidate; it is a suggestion at most."""
UNLIKE_DAYS = 2
"""Two lines whose names differ are matched on amount alone only when neither has another
candidate and they are at most 2 days apart (anywhere in the window where the amount is no round
hundred and the month's only one of it on each side: `match._one_of_a_kind`); otherwise it is a
suggestion."""
SHORTLIST = 4
"""Candidates kept per line while the amount-and-date pass decides; the decision is exact while a
line keeps two of its own, and its shortlist is drawn again when it runs short."""
NEAREST = SHORTLIST
"""Same-amount candidates kept per line and side of its date whatever the names: the SHORTLIST
nearest, which are the best of the candidates whose names count for nothing."""
KEY_WORDS = 2
"""Words of a name that pair it with others: its rarest (a shared SHARMA or TRADERS says little,
and pairing on it would pair half the book)."""
NAMED_NEAREST = 4
"""Same-amount candidates kept per line, per name alike to its own, on each side of its date:
where an aggregator (RAZORPAY, PAYTM) credits hundreds of lines of one plan price a day, a line
is compared with the nearest of them, not all."""

# --- known payers (xlbo.bank.payers) ---------------------------------------------------------
REFERENCE_EVIDENCE = 2
"""A pair taken on a shared UTR, RRN or cheque number (or a rule, or the user's word) is strong
evidence that its bank name pays for its ledger party."""
AMOUNT_EVIDENCE = 1
"""A pair taken on amount and date alone is weaker evidence: half a reference."""
PAYER_EVIDENCE = 2
"""Evidence a bank name needs before it is a known payer of a party whose name it does not
share: one reference, or two pairs taken on amount and date."""
PAYER_SHARE_PERCENT = 80
"""… and at least 80% of all that bank name's evidence must point to that party: a name that
pays for several parties (an aggregator, a group's treasury) is nobody's known payer."""
PAYER_ALIKE_BELOW = 90
"""Names this alike or more need no learning; below it, a known payer's pairs count as fully
alike (PAYER_ALIKE)."""
PAYER_ALIKE = 100
"""How alike a known payer's name counts as being to its party's."""
CUT_LONGER_THAN = 7
"""A known payer's run-together name (`MEHTADHAV`) and another bank name that is it cut at
another letter (`MEHTADHAVA`) are one payer when both are longer than this: eight letters say
whose name it is (`PAIMANJU…`), where five (`MEHTA`) are anyone's of that surname."""
UPI_OWNER_PAIRS = 2
"""Sure pairs with one account's lines, more than with all others together, that make a UPI ID
that account's payer (see `match._upi_owners`): one alone may be a namesake's line taken a day
nearer than the payer's own."""
NAMESAKE_MARGIN = 10
"""How much better a line's name must fit another account than the one its UPI ID pays for
that account to be no namesake's (`match._Names.namesakes`): an initial or the order of the
words makes a few points (`DEEPAK BANERJEE` is 100 alike to Banerjee Deepak, 96 to Deepak N.
Banerjee, whose account the name paid); a proprietor's own account beside his firm's, many."""
PAYER_ROUNDS = 2
"""Times the amount-and-date pass is run again with what the pairs taken so far taught: the
second round learns from the pairs the first one's payers made possible."""

# --- pass 3: combinations ---------------------------------------------------------------------
COMBINATION_ALIKE = 60
"""A group of lines makes up a target only when its party is at least this alike to the
target's (or the target names no one: CASH DEPOSIT, CLG)."""
COMMON_KEY_PAIRS = 2_000
"""Pairs of names, one a side, that a key word joins, past which the word is too common to
join names for a combination (`parties.alike_names`): DISTRIBUTORS, ENTERPRISES and REDDY held
by hundreds of names a side joined millions of pairs (an outsider's month of 500,000 lines:
8.9 million, 80 s scored), nearly all two firms or persons of one trade word or surname. A
name is joined through such a word only where it has no rarer one (SRI SAI TRADERS)."""
PARTY_MARGIN = 15
"""A target's party, for combinations, is the other side's name most like its own and any within
15 points of it (spellings of one party score close together): beside an exact SHREE BALAJI
ENTERPRISES, SHREE BALAJI TRADERS (about 75 alike) is another party. On the demo's UPI account
this keeps the search to 40,000 groups at 300,000 lines a side instead of 290,000."""
COMBINATION_CANDIDATES = 12
"""Lines of one party (nearest in date) searched for a combination; keeps the search exact and
bounded (at most 2,509 subsets of 2–6)."""
NEAREST_LINES = 16
"""Lines a combination target looks at on either side of its date, per party it is joined to
(or in all, when it names no one): bounds the search where thousands of lines are open in a
window (a million-line month); a party's COMBINATION_CANDIDATES nearest are always inside it,
with four to spare for lines taken by earlier targets."""
MIN_PARTS = 2
MAX_PARTS = 6
"""A combination is 2–6 lines: a receipt against up to six invoices, a payment of up to six bills."""
DAY_SET_PARTS = 40
"""All of one party's open lines of one day that a bank line of that party's name adds up to
are found by their total (a join, no search), so as many as a day of one vendor's bills: one
NEFT of 85,600.00 for seven bills of Ganesh Hardware Stores passed on the 5th. Where the bank
names someone else (an owner paying for the firm), MAX_PARTS still holds."""
BATCH_PARTS = MAX_PARTS + 1
"""A batch is at least 7 lines that one line of the other side is the total of: a salary upload
(166 NEFTs of the 2nd against one Salary Payable payment), a month's bank charges against one
journal. Fewer lines are the combination search's, which finds them by party."""
REVERSAL_DAYS = 31
"""Days at most between a line of the bank's and the line that reverses it, for the two to be
left off the BRS as cancelling (`xlbo.bank.reversals`): a charge wrongly taken is refunded
within the month, a credit reversed is credited again within days."""
HELD_OUT = 2
"""Salary vouchers at most that a salary upload may leave out of its window's (`match.
_salary_batches_in_part`): a salary held, an employee paid by cheque. Found by a lookup of the
difference, one set only; more left out and chance sets abound among a payroll's amounts."""
SALARY_REST_LINES = 16
"""The day's other open bank lines at most among which the rest of a salary voucher is looked
for, once the day's lines that say salary are counted (`match._salaries_and_the_rest`): the
employees paid by IMPS without a word of salary beside the upload's NEFTs. All their sets are
tried (65,536 at most); only a set that alone makes up the rest to the paisa is taken."""
BATCH_CHARGES_DAYS = 31
"""Days before a charges journal its bank charges may be (a month's, booked at its end)."""
CHARGES_PARTS = MIN_PARTS
"""Bank lines at least for a charges journal (`Bank Charges`, naming no one) to be their total,
every open charge of the BATCH_CHARGES_DAYS before it and the GST on each: a charge and its GST
are two lines (`CHARGES` 1,500.00, `CGST ON CHARGES` 135.00, `SGST ON CHARGES` 135.00 are one
journal of 1,770.00), and a month's two charges six. Fewer than BATCH_PARTS suffice here: every
charge of a month adding up to the paisa to the journal that books charges is no chance, while
the combination search looks only within the window, not a month back."""
CHARGE_KINDS = 8
"""Kinds of the bank's charges (NEFT, IMPS, SMS, cheque returned…) at most, for a charges journal
to be searched for the kinds it totals (255 choices of kinds at most)."""
SLIP_CANDIDATES = 16
"""Lines at most searched for the set one line of several parties' lines holds (`xlbo.bank.
slips`: a pay-in slip's cheque receipts of one day, 14,876 sets of 2-6 of 16). More (a
distributor's collection run) are searched for none: so many sets reach some total by chance,
and the user decides."""
COMBINATION_SCORE = 80
DAY_SET_SCORE = 70
"""A set of one party's lines of a day whose bank line names someone who is no party's with a
line in its window (a proprietor paying for the firm: `match._day_sets`): the amount alone ties
them, so it scores below a set whose names agree."""

TDS_SCORE = 60
"""A receipt the bank shows less the TDS the customer deducted, against the books' whole invoice
(`match._tds_short_receipts`): the amounts differ, the names and the rate tie them, so it
scores below every pair whose amounts agree."""
TDS_ALIKE = 90
"""Names at least this alike make a receipt less TDS the books' invoice of that party: a
payer's name less alike (a proprietor, a group company) leaves it a suggestion."""

# --- splits across ledgers (xlbo.bank.splits) ----------------------------------------------
SPLIT_LINES = 8
"""Book lines of one kind (a loan's principal and interest ledgers, TDS or GST payable) on one
day, or bank challans of one day, searched at most for a set that makes up a line of the other
side (247 sets of 2–6 of 8): an EMI is two lines, an FD closure three, a month's TDS one a
section. A day with more of them (a lender's dozen loans falling due together) is searched
for none: so many sets would fit some amount by chance, and the user decides."""
SPLIT_SCORE = COMBINATION_SCORE
"""A split across ledgers (an EMI as principal and interest, an FD closure, a challan for
several TDS sections, a day's UPI collections as one receipt) scores as a combination: the
amounts add up to the paisa on one day, and the bank's narration and the ledgers' names both
say what it is, though no name of a party ties the two sides."""
SLIP_SCORE = COMBINATION_SCORE
"""A set of several parties' lines (`xlbo.bank.slips`: a pay-in slip, NACH collections, cash
deposited in parts) scores as a combination: the words of the one line's channel say what it
is, the parts are of that channel, the amounts add up to the paisa, and no other set of the
days searched does; no name ties the two sides."""

# --- pass 4: bookings made late -------------------------------------------------------------------
SPREAD_LINES = 12
"""Book lines of a split's later part (an EMI's interest, a card settlement's MDR) in one month,
at most which a set of them booked on another day than its other part is looked for
(`xlbo.bank.splits._spread`): a month's interest on a few loans, a month's MDR journals. Books
that journal it every day book it the day of the settlement, a set of one day."""
LATE_BOOKING_DAYS = 15
"""Days apart a pair may be, either way, when the books wrote the voucher late: a receipt booked
when the accountant saw the credit a week or two later (4–11 days in an outsider's month), a
payment booked when its bill came. Only names decide so far apart (LATE_ALIKE)."""
LATE_PARTS_DAYS = 2
"""The lines of a set made up beyond the window lie within 2 days of each other: invoices booked
together when the receipt was seen, a receipt credited in parts over a day or two. Sets spread
wider so far apart are coincidences (in a million-line month 34 of 38 such sets were)."""
PARTS_BOOKED_DAYS = 7
"""A receipt credited in parts is booked whole when its last part came (or the customer's advice
listed them): the combination search looks for a named ledger line's parts, of its own party,
up to 7 days before the books' date, where other lines are looked for DAYS_BEFORE (Thirumalai
Fashions' 7,411.74 of Thursday and 98,470.26 of Monday, booked as 1,05,882.00 on Monday)."""
OWN_PARTS = 4
"""A party's own bank lines at most, the nearest in date to its ledger line, of which each set
leaves a rest that one line of another name may make up (`match._own_parts_and_a_strangers`):
15 sets a line, each a lookup."""
LATE_ALIKE = 90
"""Names at least this alike make a pair beyond the window (the same party, as written by the
bank and by the books: `SHAKTI PACKAGING PVT` and M/s Shakti Packaging Pvt. Ltd. - Indore)."""
LATE_SET_ALIKE = LATE_ALIKE
"""Names at least this alike make a set beyond the window: one party's invoices, booked together
a week or more after the one receipt that pays them. Not lower: `JOSEPHIYER` (an IMPS's cut of
Joseph S. Iyer) is 88 alike to his name, but `RAKESHKUMA` is 89 alike to Ramesh Kumar, another
person, whose two invoices of the 16th add up to Rakesh's receipt of the 5th (helper-149)."""
LATE_ALIKE_ALONE = 80
"""Names at least this alike make a pair beyond the window where the two are each other's only
line of their amount so far apart, either way, and the amount is no round hundred: all of
both names explained but a middle name or an initial (`rahulkulk` of a UPI handle and Rahul P.
Kulkarni; `SHRISAHYAD`, cut by IMPS, and Shri Sahyadri Steel)."""
MAKE_WAY_ALIKE = LATE_ALIKE_ALONE
"""Names at least this alike let a bank line left open take back its one line of its name,
which another bank line took on amount and date, where that one fits another open line as
well (`match._making_way`): all of the name explained but a middle name or an initial
(`venkateshmish` of a UPI handle and Venkatesh Lal Mishra)."""
ROUND = 100_00
"""Paise in a round hundred rupees: a bank line left open that one set of its party's lines
makes up, one of them paired on its amount alone with another bank line, takes the set only
where its amount is not a round hundred (`match._sets_taken_back`)."""
RARE_AMOUNT_LINES = 4
"""Lines of one amount in a month, both sides together, at most which it is rare enough that
two lines of it do not meet by chance: a customer's and a proprietor's 87,738.00 and their two
book lines (a plan's ₹2,499 has hundreds)."""
WHOLE_RUPEE = 100
"""Paise in a rupee: a line whose name is like no one's in its window (a proprietor paying for
his firm) is made up of any party's lines, as a line naming no one is, only where its amount
has paise: ₹30,000 is ₹15,000 twice by chance, ₹1,44,217.72 is five invoices by design (and
whole-rupee targets of unknown names would search thousands more groups at 100,000 lines)."""

GST_RATE = 18
"""GST on a bank's charges, percent (SAC 9971, financial services: 18% since 1 July 2017): the
bank's GST line on a charge is this share of it, to the paisa (CGST and SGST half each), which
ties the two lines of `match._charges_with_their_gst` to each other."""

# --- pass 4: suggestions ----------------------------------------------------------------------
TYPICAL_CHARGES = (590, 1180, 1770, 2360, 2950, 5900, 11800, 17700)
"""Bank charges with 18% GST, in paise (₹5.90, ₹11.80 …), that explain a small difference."""
MDR_RATES = (40, 90, 100, 150, 175, 190, 200, 250, 300)
"""Merchant discount rates in basis points (0.40% … 3.00%) at which card acquirers keep their fee
from a settlement, GST on it kept too: debit cards' regulated 0.40% and 0.90%, credit cards'
1–2%, premium and international cards' 2.5–3%."""
MDR_SHARE = max(MDR_RATES) * (100 + GST_RATE) // 100
"""The most an MDR journal may be of the card sales, in basis points (354): the highest of
MDR_RATES (3.00%) and GST_RATE on it. A 9,000.00 charge against 50,000.00 of sales is no fee
(`xlbo.bank.splits`)."""
TDS_RATES = (1, 2, 10)
"""TDS rates (percent) a customer commonly deducts before paying: 194C, 194J, 194I."""
TDS_GST_SMALLEST = 1_000_000
"""The smallest books' amount (paise: ₹10,000) whose difference is suggested as TDS on the value
before GST: TDS is deducted past thresholds (₹30,000 a contract under 194C, ₹30,000 a year under
194J), and at a million lines a month the nine rate pairs met small amounts by chance 10,000
times."""
TDS_GST_RATES = (18, 12, 5)
"""GST rates (percent) of invoices whose TDS is taken on the value before GST (CBDT circular
23/2017: TDS on the amount excluding GST where the invoice shows GST apart): 18% on most
services, 12% and 5% on works contracts and transport."""
ONE_PARTY_ALIKE = 80
"""Two ledger names at least this alike are one party's written two ways (`Simran Gill` and
`Simran Gill A/c`, 87; `Gill Simran`, 100), not two customers (`Balaji Traders` and `Balaji
Stores`, 40): a bank line that names no one is no guess between them (`match._guessed`)."""

SAME_AMOUNT_APART_DAYS = 45
"""How far apart, beyond the window, the only open bank line and the only open ledger line of an
amount are still offered as a pair (`match._far_apart`): a receipt the books
entered a fortnight or a month after the bank credited it (or a cheque presented weeks late),
often under another name than the payer's (the proprietor's, the firm's). Never matched:
chance meets a round amount too."""
TIED_SHOWN = 2
"""Tied candidates listed per line as Ambiguous suggestions (200 like cash deposits would
otherwise list 40,000 pairs)."""


def preference(fit: np.ndarray, alike: np.ndarray, habitual: np.ndarray) -> np.ndarray:
    """The order in which a line prefers its candidates: by fitness, and of equally fit pairs
    one whose names are the same (100 alike) before any whose are not, and then one whose party
    the bank name has paid before in this month's taken pairs (`habitual`). JAY AMBE AND CO on
    the 12th fits Jay Ambe & Co. of the 11th (the same name, a day late: 98) exactly as well as
    Jay Ambe Pharma of the 12th (94 alike, the same day: 98), and it is Jay Ambe & Co.'s. Only
    the same name breaks a tie: of SBI's `SRI VENKAT`, cut at ten letters, Sri Venkateswara
    Polymers (93) is no likelier than Sri Venkateswara Exports (91), though the shorter name
    scores a little higher. PRIYA MURUGESAN is as alike to Priya Murugesan as to M. Priya (an
    initial for the surname); where its other lines this month went to Priya Murugesan, so does
    this one."""
    return np.asarray(fit * 4 + (alike >= 100) * 2 + habitual, dtype=np.int64)


def fitness(days: np.ndarray, alike: np.ndarray) -> np.ndarray:
    """How well a same-amount pair fits: 70, plus up to 30 for alike names, less 2 a day the bank
    is after the books (3 a day before).
    Names outweigh dates: banks credit a receipt a day or two after the books record it, but
    a narration naming someone else is strong evidence against the pair."""
    late = np.where(days > 0, DAY_PENALTY * days, -DAY_PENALTY_BEFORE * days)
    return np.asarray(BASE_FIT + (NAME_WEIGHT_TENTHS * alike) // 10 - late, dtype=np.int64)
