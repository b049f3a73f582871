package dev.newsintel.cli.bench;

import dev.newsintel.cli.bench.CorpusComposer.StoryType;

/**
 * The sentences the {@link CorpusComposer} writes, written for NewsIntel's benchmark: headlines, ledes and details
 * per kind of story, quotes, and background sentences. {@code {A}} is the main (listed) company, {@code {B}} a
 * counterparty, {@code {amount}} the story's amount as one outlet writes it ({@code amount1}, {@code amount2} as
 * others do); see {@code CorpusComposer.fill} for the rest.
 */
final class Templates {
    private Templates() {
    }

    static String[] headlines(StoryType type) {
        return switch (type) {
            case INVESTMENT -> new String[] {
                    "{A} to invest {amount} in {field} over {years} years",
                    "{A} commits {amount1} to {field}",
                    "{A} plans {amount} push into {field}"};
            case FUNDING_ROUND -> new String[] {
                    "{startup} raises {amount} Series {series} led by {A}",
                    "{startup} lands {amount1} in funding as {A} leads round",
                    "{A} backs {startup} in {amount} Series {series}"};
            case ACQUISITION -> new String[] {
                    "{A} to acquire {B} for {amount}",
                    "{A} agrees to buy {B} in {amount1} deal",
                    "{A} strikes {amount} deal for {B}"};
            case MODEL_RELEASE -> new String[] {
                    "{maker} releases {model}, a {params}B-parameter {openness} model",
                    "{maker} unveils {model} with {context}-token context",
                    "{model} arrives: {maker} ships its largest model yet"};
            case EARNINGS -> new String[] {
                    "{A} reports quarterly revenue of {amount}",
                    "{A} revenue rises {pct}% to {amount1}",
                    "{A} beats estimates with {amount} in sales"};
            case PARTNERSHIP -> new String[] {
                    "{A} and {B} form partnership on {field}",
                    "{A} teams up with {B} on {field}",
                    "{B} and {A} sign multi-year {field} pact"};
            case EXECUTIVE_CHANGE -> new String[] {
                    "{A} names {person} {role}",
                    "{A} appoints {person} as {role}",
                    "{person} to join {A} as {role}"};
            case PRODUCT_LAUNCH -> new String[] {
                    "{A} launches {product} {kind}",
                    "{A} unveils {product}, a new {kind}",
                    "{A} introduces the {product} {kind}"};
            case FEATURE, FILING -> new String[] {
                    "Why {field} is the next battleground for {A}",
                    "Inside the race for {field}",
                    "What {A} investors are watching in {field}"};
        };
    }

    static String[] ledes(StoryType type) {
        return switch (type) {
            case INVESTMENT -> new String[] {
                    "{A} said on {day} it will invest {amount} in {field} over the next {years} years.",
                    "{A} plans to invest {amount2} in {field} over the next {years} years, the company said on {day}.",
                    "{A} will spend {amount} on {field} over the next {years} years, it announced on {day}."};
            case FUNDING_ROUND -> new String[] {
                    "{startup} said on {day} it raised {amount} in a Series {series} round led by {A}.",
                    "{startup} has raised {amount2} in a Series {series} funding round led by {A}, the company said on {day}.",
                    "{A} led a {amount} Series {series} round in {startup}, the startup said on {day}."};
            case ACQUISITION -> new String[] {
                    "{A} said on {day} it agreed to acquire {B} for {amount}.",
                    "{A} has agreed to buy {B} in a deal valued at {amount2}, the companies said on {day}.",
                    "{A} will acquire {B} for {amount} in cash, the company announced on {day}."};
            case MODEL_RELEASE -> new String[] {
                    "{maker} on {day} released {model}, {anOpenness} model with {params} billion parameters and a {context}-token context window.",
                    "{maker} released {model} on {day}. The model has {params} billion parameters, {active} billion of them active, and a {context}-token context window.",
                    "On {day} {maker} made {model} available, a {params}-billion-parameter {openness} model with a context of {context} tokens."};
            case EARNINGS -> new String[] {
                    "{A} on {day} reported quarterly revenue of {amount}, up {pct}% from a year earlier.",
                    "{A} reported revenue of {amount2} for the quarter, up {pct}% from {prior} a year ago.",
                    "Quarterly revenue at {A} rose {pct}% to {amount}, the company reported on {day}."};
            case PARTNERSHIP -> new String[] {
                    "{A} and {B} announced a multi-year partnership on {field} on {day}.",
                    "{A} said on {day} it formed a partnership with {B} to work on {field}.",
                    "{B} and {A} signed a strategic partnership covering {field}, the companies said on {day}."};
            case EXECUTIVE_CHANGE -> new String[] {
                    "{A} on {day} named {person} as its new {role}.",
                    "{A} said on {day} it appointed {person} as {role}, effective immediately.",
                    "{person} will join {A} as {role}, the company said on {day}."};
            case PRODUCT_LAUNCH -> new String[] {
                    "{A} on {day} launched {product}, a {kind} for enterprise customers.",
                    "{A} unveiled {product} on {day}, its newest {kind}.",
                    "{A} said on {day} it is introducing {product}, a {kind} aimed at developers."};
            case FEATURE, FILING -> new String[] {
                    "Few corners of the technology industry have changed as quickly as {field}, and {A} is betting heavily on it.",
                    "Executives across the industry describe {field} as the market that will decide the next decade.",
                    "Investors in {A} have spent the past year asking one question: how much will {field} cost?"};
        };
    }

    static String[] details(StoryType type) {
        return switch (type) {
            case INVESTMENT -> new String[] {
                    "The {amount1} plan covers new facilities, research staff and partnerships with universities.",
                    "{A} said the spending would be funded from operating cash flow and would not change its dividend policy.",
                    "The investment is the largest {A} has announced in {field} and follows a smaller commitment made in {year}.",
                    "Analysts said the move puts {A} ahead of rivals that have committed far less to {field}."};
            case FUNDING_ROUND -> new String[] {
                    "The round values {startup} at several times its previous valuation, according to people familiar with the matter.",
                    "{startup} said it would use the money to hire engineers and expand into new markets.",
                    "Existing investors also took part in the round, the company said.",
                    "{startup} was founded in {year} and employs about {n}0 people."};
            case ACQUISITION -> new String[] {
                    "The deal is expected to close in the second half of the year, subject to regulatory approval.",
                    "{B} will continue to operate under its own brand after the acquisition, {A} said.",
                    "The {amount1} price is a premium of about {pct}% to {B}'s value in its last funding round.",
                    "It is the largest acquisition {A} has made since {year}."};
            case MODEL_RELEASE -> new String[] {
                    "{model} uses a mixture-of-experts design with {active} billion active parameters.",
                    "The weights of {model} can be downloaded under a permissive licence, {maker} said.",
                    "{maker} said {model} outperforms its previous model on coding and reasoning benchmarks.",
                    "The company trained {model} on a cluster of several thousand accelerators over {n} days."};
            case EARNINGS -> new String[] {
                    "Net income for the quarter rose to {prior}, the company said.",
                    "{A} raised its forecast for the full year, citing strong demand for {field}.",
                    "Analysts polled by {firm} had expected lower revenue.",
                    "Shares of {A} rose {n}% in after-hours trading."};
            case PARTNERSHIP -> new String[] {
                    "Financial terms of the partnership were not disclosed.",
                    "Engineers from both companies will work together on {field} products due next year.",
                    "The agreement builds on a smaller collaboration the two companies began in {year}.",
                    "{A} said the partnership would reach customers in {n} countries."};
            case EXECUTIVE_CHANGE -> new String[] {
                    "{person} previously spent {n} years at {other}.",
                    "{person} replaces an executive who left the company earlier this year.",
                    "{A} said {person} will report directly to the chief executive.",
                    "The appointment follows a reorganisation of {A}'s {field} business."};
            case PRODUCT_LAUNCH -> new String[] {
                    "{product} will be available to customers in {n} countries from next month.",
                    "{A} said {product} is twice as fast as the model it replaces.",
                    "Pricing for {product} starts at a level aimed at small businesses, {A} said.",
                    "The launch puts {A} in direct competition with several startups in {field}."};
            case FEATURE, FILING -> new String[] {
                    "Spending on {field} has grown every year since {year}, according to {firm}.",
                    "Several startups, among them {other}, are competing for the same customers.",
                    "Regulators in {city} have started to look more closely at the market.",
                    "Not everyone is convinced the growth will last."};
        };
    }

    static final String[] QUOTES = {
            "\"This is a long-term commitment,\" said {analyst}, an analyst at {firm}.",
            "\"We expect demand for {topic} to keep growing,\" said {person}, {role} at {A}.",
            "\"The market is moving faster than anyone predicted,\" {analyst} of {firm} said in a note to clients.",
            "\"Customers have been asking for this for a long time,\" a spokesperson for {A} said.",
            "\"It is a clear signal of where the industry is heading,\" said {analyst}, a partner at {firm}.",
            "\"We are only at the beginning,\" said {person}, who joined {A} in {year}."};

    static final String[] CITIES = {"Brussels", "Washington", "London", "Tokyo", "Singapore", "Berlin", "Seoul",
            "Toronto", "Paris", "Sydney"};

    /** Background sentences; each is filled with fresh random slots so no two articles share long passages. */
    static final String[] CONTEXT = {
            "Demand for {topic} has grown about {n}% a year since {year}, according to estimates by {firm}.",
            "{analyst}, who follows the sector for {firm}, expects consolidation among smaller suppliers.",
            "The company has been expanding its presence in {city}, where it employs about {n}00 people.",
            "Competition for engineers with experience in {topic} remains intense across the industry.",
            "Several rivals, including {other}, have announced similar plans in recent months.",
            "Supply of advanced chips remains tight, and lead times have stretched to {n} weeks.",
            "Regulators in {city} are reviewing how large technology companies use customer data.",
            "Shares in the sector have been volatile this year as investors weigh interest rates and growth.",
            "The market for {topic} could be worth several hundred billion dollars by the end of the decade, {firm} estimates.",
            "Customers in finance and healthcare have been among the earliest adopters of {topic}.",
            "{other} and a handful of other startups have raised large rounds to compete in {topic}.",
            "Energy costs have become a larger share of operating expenses for data center operators.",
            "Industry groups in {city} have called for clearer rules on {topic}.",
            "{analyst} said margins could come under pressure if component prices keep rising.",
            "Some analysts have questioned whether spending on {topic} will pay off quickly.",
            "The company's research lab in {city} has published {n} papers on {topic} since {year}.",
            "A spokesperson declined to comment on future products or on talks with other companies.",
            "Trade restrictions on advanced semiconductors continue to shape where companies build capacity.",
            "Venture investment in {topic} reached a record in {year}, according to data compiled by {firm}.",
            "Large customers increasingly split their spending among several cloud providers.",
            "Open-source tools have lowered the cost of building products around {topic}.",
            "{analyst} noted that enterprise budgets for {topic} rose for the {n}th consecutive quarter.",
            "The industry has faced criticism over the environmental footprint of large data centers.",
            "Partners in {city} will get early access to the technology, people familiar with the plans said.",
            "Hiring in {topic} slowed briefly last year before picking up again in the spring.",
            "Security researchers have warned that new systems for {topic} create fresh risks.",
            "The board approved the plan at a meeting in {city} earlier this month.",
            "{firm} ranks the company among the top {n} suppliers in {topic}.",
            "Government programs in {city} offer subsidies for companies that build local capacity.",
            "Many smaller firms rely on partnerships rather than building {topic} systems themselves.",
            "Prices for memory and storage have risen {n}% since the start of the year.",
            "The company did not say how many employees would work on the project.",
            "Analysts at {firm} published a note in {year} arguing that {topic} would reshape the sector.",
            "Several universities in {city} run joint research programs with industry on {topic}.",
            "Investors have rewarded companies that show clear revenue from {topic}.",
            "Some customers have delayed purchases while they wait for the next generation of hardware.",
            "A conference on {topic} in {city} drew more than {n} thousand attendees last year.",
            "Software licensing revenue has become a growing share of the industry's income.",
            "The company said it expects to give more details at an investor event later this year.",
            "{other} said last month it was exploring a partnership of its own in {topic}."};

    static String itemTitle(String item) {
        return switch (item) {
            case "1.01" -> "Entry into a Material Definitive Agreement.";
            case "2.02" -> "Results of Operations and Financial Condition.";
            case "5.02" -> "Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain"
                    + " Officers; Compensatory Arrangements of Certain Officers.";
            case "7.01" -> "Regulation FD Disclosure.";
            case "8.01" -> "Other Events.";
            case "9.01" -> "Financial Statements and Exhibits.";
            default -> "Item " + item + ".";
        };
    }

    static String itemText(String item) {
        return switch (item) {
            case "1.01" -> "On {day}, {A} entered into a definitive agreement with {B} under which {A} will pay "
                    + "aggregate consideration of approximately {amount}, subject to customary adjustments. "
                    + "Completion of the transaction is subject to customary closing conditions, including the receipt"
                    + " of regulatory approvals.";
            case "2.02" -> "On {day}, {A} issued a press release announcing its financial results for the quarter. "
                    + "Revenue for the quarter was {amount}. A copy of the press release is furnished as Exhibit 99.1.";
            case "5.02" -> "On {day}, the Board of Directors of {A} appointed {person} as {role} of the Company, "
                    + "effective immediately. {person} previously served in senior roles at {other}. There are no "
                    + "family relationships between {person} and any director or executive officer of the Company.";
            case "7.01" -> "On {day}, {A} issued a press release announcing the agreement described in Item 1.01. "
                    + "The information in this Item 7.01 is furnished and shall not be deemed filed.";
            case "8.01" -> "On {day}, {A} announced the availability of {product}, a {kind}. The Company expects "
                    + "the product to be available to customers in {n} countries.";
            case "9.01" -> "(d) Exhibits. 99.1 Press release dated {day}. 104 Cover Page Interactive Data File.";
            default -> "See the attached exhibits.";
        };
    }
}
