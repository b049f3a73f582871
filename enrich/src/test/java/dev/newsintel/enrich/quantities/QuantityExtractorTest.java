package dev.newsintel.enrich.quantities;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.newsintel.events.Quantity;
import dev.newsintel.events.QuantityKind;

class QuantityExtractorTest {
    private final QuantityExtractor extractor = new QuantityExtractor();

    private Quantity only(String text) {
        List<Quantity> found = extractor.extract(text);
        assertThat(found).as("quantities in \"%s\"", text).hasSize(1);
        return found.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            NVIDIA will invest $26 billion in open models.        | $26 billion                | 26000000000   | USD
            It reported revenue of RMB 178.8 billion last year.   | RMB 178.8 billion          | 178800000000  | CNY
            a fund of 26 billion dollars                          | 26 billion dollars         | 26000000000   | USD
            The deal is worth $3bn.                               | $3bn                       | 3000000000    | USD
            It raised €1.2 million from angels.                   | €1.2 million               | 1200000       | EUR
            costs twenty-six billion dollars                      | twenty-six billion dollars | 26000000000   | USD
            a £5m grant                                           | £5m                        | 5000000       | GBP
            priced at US$ 3.14                                    | US$ 3.14                   | 3.14          | USD
            a C$300 million charge                                | C$300 million              | 300000000     | CAD
            HK$10.05 billion in exports                           | HK$10.05 billion           | 10050000000   | HKD
            paid ¥500 billion                                     | ¥500 billion               | 500000000000  | JPY
            spent 42 KWD on it                                    | 42 KWD                     | 42            | KWD
            a 50 cents rise                                       | 50 cents                   | 0.5           | USD
            sold for 470 pence a share                            | 470 pence                  | 4.7           | GBP
            it costs thirteen dollars forty-five cents            | thirteen dollars forty-five cents | 13.45  | USD
            half a million dollars                                | half a million dollars     | 500000        | USD
            USD 22.5 million                                      | USD 22.5 million           | 22500000      | USD
            paid 75 USD million                                   | 75 USD million             | 75000000      | USD
            losses of 30 MUSD                                     | 30 MUSD                    | 30000000      | USD
            fined 10,000 swiss francs                             | 10,000 swiss francs        | 10000         | CHF
            """)
    void readsMoney(String sentence, String text, String value, String currency) {
        Quantity q = only(sentence);
        assertThat(q.kind()).isEqualTo(QuantityKind.MONEY);
        assertThat(q.text()).isEqualTo(text);
        assertThat(sentence.substring(q.start(), q.end())).isEqualTo(text);
        assertThat(q.value()).isEqualByComparingTo(value);
        assertThat(q.unit()).isEqualTo(currency);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            M-Pesa moved 40,000 Kenyan shillings                  | 40,000 Kenyan shillings    | 40000         | KES
            a 1.2 billion forint contract                         | 1.2 billion forint         | 1200000000    | HUF
            fined 350 million Czech korunas                       | 350 million Czech korunas  | 350000000     | CZK
            worth 2 billion hryvnias                              | 2 billion hryvnias         | 2000000000    | UAH
            sold for 90,000 Costa Rican colones                   | 90,000 Costa Rican colones | 90000         | CRC
            priced at 500 cordobas                                | 500 cordobas               | 500           | NIO
            raised 12 million Trinidad and Tobago dollars         | 12 million Trinidad and Tobago dollars | 12000000 | TTD
            """)
    void readsTheWorldsCurrenciesByTheirNames(String sentence, String text, String value, String currency) {
        readsMoney(sentence, text, value, currency);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Kuwait's parliament approved a budget of 24 billion dinars.         | KWD
            Iraq plans to spend 200 trillion dinars next year.                  | IQD
            A coffee in Dubai costs 20 dirhams.                                 | AED
            Morocco's central bank fined the lender 3 million dirhams.          | MAD
            The Egyptian government raised fuel prices to 15 pounds a litre.    | EGP
            The London flat sold for 2 million pounds.                          | GBP
            Mexico's Pemex lost 40 billion pesos in the quarter.                | MXN
            Safaricom, Kenya's largest telecoms firm, earned 70 billion shillings. | KES
            Equinor, Norway's state oil firm, paid 12 billion kroner.           | NOK
            Novo Nordisk of Denmark reported sales of 290 billion kroner.       | DKK
            Pakistan raised 1 trillion rupees in bonds.                         | PKR
            """)
    void aCurrencyWordSeveralCountriesUseTakesTheCountryTheTextNames(String sentence, String currency) {
        Quantity q = only(sentence);
        assertThat(q.kind()).isEqualTo(QuantityKind.MONEY);
        assertThat(q.unit()).isEqualTo(currency);
    }

    @Test
    void poundsOfWeightAreNoMoney() {
        assertThat(extractor.extract("He bought 5 pounds of sugar.")).isEmpty();
        assertThat(extractor.extract("The Rams signed a 250-pound lineman.")).isEmpty();
        assertThat(extractor.extract("The baby weighed 7 pounds.")).isEmpty();
        assertThat(only("She found a 10-pound note.").unit()).isEqualTo("GBP");
        assertThat(only("The firm lost 20 million pounds.").value()).isEqualByComparingTo("20000000");
        assertThat(only("The firm lost 20m pounds.").value()).isEqualByComparingTo("20000000"); // a glued scale too
        assertThat(only("It costs 15 pounds.").unit()).isEqualTo("GBP");
    }

    @Test
    void aCurrencyWordOfSeveralCountriesWithoutOneIsNoAmountOfKnownWorth() {
        assertThat(extractor.extract("The company paid 500 dinars.")).isEmpty();
        assertThat(extractor.extract("A ticket costs 300 pesos.")).isEmpty();
    }

    @Test
    void aCurrencysOwnWordCountsOnlyInLowerCase() {
        assertThat(extractor.extract("After 1964 Leone made three more westerns."))
                .noneMatch(q -> q.kind() == QuantityKind.MONEY);
        assertThat(only("a fine of 20 million leones").unit()).isEqualTo("SLE");
        assertThat(only("The Icelandic krona fell; a coffee costs 650 króna.").unit()).isEqualTo("ISK");
        assertThat(only("a loan of 3 billion kronor").unit()).isEqualTo("SEK");
    }

    @Test
    void readsMoneyRangesAndQualifiers() {
        Quantity range = only("guidance of $2.5-3 billion for the year");
        assertThat(range.low()).isEqualByComparingTo("2500000000");
        assertThat(range.high()).isEqualByComparingTo("3000000000");
        assertThat(range.value()).isEqualByComparingTo("2500000000");

        Quantity between = only("between $1 and $2 billion");
        assertThat(between.low()).isEqualByComparingTo("1000000000");
        assertThat(between.high()).isEqualByComparingTo("2000000000");

        Quantity about = only("sales of about $14 million");
        assertThat(about.approximate()).isTrue();
        assertThat(about.text()).isEqualTo("$14 million");

        Quantity plus = only("a $3 billion-plus deal");
        assertThat(plus.low()).isEqualByComparingTo("3000000000");
        assertThat(plus.approximate()).isTrue();

        Quantity atLeast = only("at least $1.42");
        assertThat(atLeast.low()).isEqualByComparingTo("1.42");
        assertThat(atLeast.high()).isNull();
    }

    @Test
    void readsModelFacts() {
        List<Quantity> found = extractor.extract(
                "Nemotron 3 Super has 128B total, 12B active parameters and a 1M-token context window.");
        assertThat(found).extracting(Quantity::kind).containsExactly(QuantityKind.PARAMETERS,
                QuantityKind.PARAMETERS, QuantityKind.TOKENS);
        assertThat(found).extracting(Quantity::value).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("128e9"), new BigDecimal("12e9"), new BigDecimal("1e6"));

        Quantity total = only("a model with 128 billion total parameters");
        assertThat(total.kind()).isEqualTo(QuantityKind.PARAMETERS);
        assertThat(total.text()).isEqualTo("128 billion total parameters");
        assertThat(total.value()).isEqualByComparingTo("128e9");

        Quantity big = only("a 550-billion-parameter model");
        assertThat(big.kind()).isEqualTo(QuantityKind.PARAMETERS);
        assertThat(big.value()).isEqualByComparingTo("550000000000");

        Quantity tokens = only("a context window of 1 million tokens");
        assertThat(tokens.kind()).isEqualTo(QuantityKind.TOKENS);
        assertThat(tokens.value()).isEqualByComparingTo("1000000");

        Quantity context = only("with 128K context");
        assertThat(context.kind()).isEqualTo(QuantityKind.TOKENS);
        assertThat(context.value()).isEqualByComparingTo("128000");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            over the next five years           | five years       | P5Y
            within 18 months                   | 18 months        | P18M
            a two-week trial                   | two-week         | P2W
            waited 3 hours                     | 3 hours          | PT3H
            for 2.5 years                      | 2.5 years        | P2.5Y
            """)
    void readsDurations(String sentence, String text, String period) {
        Quantity q = only(sentence);
        assertThat(q.kind()).isEqualTo(QuantityKind.DURATION);
        assertThat(q.text()).isEqualTo(text);
        assertThat(q.normalized()).isEqualTo(period);
    }

    @Test
    void readsDurationRange() {
        Quantity q = only("expected in 18 to 24 months");
        assertThat(q.low()).isEqualByComparingTo("18");
        assertThat(q.high()).isEqualByComparingTo("24");
        assertThat(q.normalized()).isEqualTo("P18M/P24M");
    }

    @Test
    void readsPercentAndCounts() {
        Quantity pct = only("revenue rose 12.5% on the year");
        assertThat(pct.kind()).isEqualTo(QuantityKind.PERCENT);
        assertThat(pct.value()).isEqualByComparingTo("12.5");
        assertThat(only("about twenty percent").value()).isEqualByComparingTo("20");
        Quantity count = only("it hired 5,000 engineers");
        assertThat(count.kind()).isEqualTo(QuantityKind.COUNT);
        assertThat(count.unit()).isEqualTo("engineers");
        assertThat(count.value()).isEqualByComparingTo("5000");
    }

    @Test
    void ignoresNamesYearsAndBareNumbers() {
        assertThat(extractor.extract("GPT-4 runs on H100 and B200 chips, launched in 2024 with Qwen2.5.")).isEmpty();
        assertThat(extractor.extract("All 70 of us. I tried to call Bob 3 times already.")).isEmpty();
        assertThat(extractor.extract("The cost is $4.25 and 32 is the quantity")).singleElement()
                .satisfies(q -> assertThat(q.value()).isEqualByComparingTo("4.25"));
        assertThat(extractor.extract("a $5 bill")).singleElement()
                .satisfies(q -> assertThat(q.unit()).isEqualTo("USD"));
    }

    @Test
    void parsesNumberWordsExactly() {
        assertThat(NumberParser.parse("twenty-six")).isEqualByComparingTo("26");
        assertThat(NumberParser.parse("one hundred and five")).isEqualByComparingTo("105");
        assertThat(NumberParser.parse("three thousand four hundred twenty-one")).isEqualByComparingTo("3421");
        assertThat(NumberParser.parse("a quarter million")).isEqualByComparingTo("250000");
        assertThat(NumberParser.parse("1.2bn")).isEqualByComparingTo("1200000000");
        assertThat(NumberParser.parse("one point five")).isEqualByComparingTo("1.5");
        assertThat(NumberParser.parse("5 lakh")).isEqualByComparingTo("500000");
        assertThat(NumberParser.parse("12,34,567.89")).isEqualByComparingTo("1234567.89");
    }

    @Test
    void aFractionOfAScaleIsScaledWhole() {
        // not "five and" then "half a million": the half belongs to the five
        Quantity q = only("a deal of five and a half million dollars");
        assertThat(q.text()).isEqualTo("five and a half million dollars");
        assertThat(q.value()).isEqualByComparingTo("5500000");
        assertThat(only("a loan of one and a half billion pounds").value()).isEqualByComparingTo("1500000000");
        assertThat(only("They spent two thirds of a million dollars").value())
                .isEqualByComparingTo("666666.666666667");
        assertThat(only("two-thirds of a billion dollars").text()).isEqualTo("two-thirds of a billion dollars");
        assertThat(only("a quarter of a billion dollars").value()).isEqualByComparingTo("250000000");
        assertThat(NumberParser.parse("one-eighth")).isEqualByComparingTo("0.125");
        // an ordinal is no fraction
        assertThat(NumberParser.findAll("its twenty-fifth anniversary"))
                .noneMatch(n -> n.value().compareTo(new BigDecimal("4")) == 0);
    }

    @Test
    void readsDurationsToldInParts() {
        assertThat(only("the review took an hour and a half").normalized()).isEqualTo("PT1.5H");
        Quantity weeks = only("a lock-up of one week three days");
        assertThat(weeks.normalized()).isEqualTo("P1W3D");
        assertThat(weeks.value()).isEqualByComparingTo("10");
        assertThat(weeks.unit()).isEqualTo("day");
        Quantity years = only("a term of 2 years and 3 months");
        assertThat(years.normalized()).isEqualTo("P2Y3M");
        assertThat(years.value()).isEqualByComparingTo("27");
        assertThat(only("the call lasted 2 hours and 10").normalized()).isEqualTo("PT2H10M");
        assertThat(only("within a couple of weeks").normalized()).isEqualTo("P2W");
        assertThat(only("half a day").normalized()).isEqualTo("P0.5D");
        assertThat(only("two additional minutes").normalized()).isEqualTo("PT2M");
        // quarters of an hour are minutes, not quarters of a year
        assertThat(only("three quarters of an hour later").normalized()).isEqualTo("PT45M");
        assertThat(only("back in a quarter of an hour").normalized()).isEqualTo("PT15M");
        assertThat(only("over three quarters").normalized()).isEqualTo("P9M");
    }

    @Test
    void readsFractionsDozensAndCompoundScales() {
        assertThat(NumberParser.parse("two thirds")).isEqualByComparingTo("0.666666666666667");
        assertThat(NumberParser.parse("five and a quarter")).isEqualByComparingTo("5.25");
        assertThat(NumberParser.parse("two and fifty-four hundredths")).isEqualByComparingTo("2.54");
        assertThat(NumberParser.parse("three dozens")).isEqualByComparingTo("36");
        assertThat(NumberParser.parse("200 dozens")).isEqualByComparingTo("2400");
        assertThat(NumberParser.parse("three thousand millions")).isEqualByComparingTo("3000000000");
        assertThat(NumberParser.parse("three billions")).isEqualByComparingTo("3000000000");
        assertThat(NumberParser.parse("two hundred point zero three")).isEqualByComparingTo("200.03");
        assertThat(NumberParser.parse("fifty - two")).isEqualByComparingTo("52");
        // a quarter is a period of time, not a fraction, unless joined to a whole number
        assertThat(only("over one quarter").normalized()).isEqualTo("P3M");
    }
}
