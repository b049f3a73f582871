package dev.newsintel.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en|The company said on Tuesday that it would invest more in its data centers over the next five years.",
            "de|Das Unternehmen teilte am Dienstag mit, dass es in den nächsten fünf Jahren mehr in seine Rechenzentren investieren werde.",
            "fr|L'entreprise a annoncé mardi qu'elle investirait davantage dans ses centres de données au cours des cinq prochaines années.",
            "es|La empresa dijo el martes que invertiría más en sus centros de datos durante los próximos cinco años.",
            "ru|Компания заявила во вторник, что в ближайшие пять лет увеличит инвестиции в свои центры обработки данных.",
            "ja|同社は火曜日、今後5年間でデータセンターへの投資を拡大すると発表した。ことしの計画について説明した。",
            "pl|Firma poinformowała we wtorek, że w ciągu najbliższych pięciu lat zwiększy inwestycje w swoje centra danych."})
    void detectsTheLanguageAsAnIso6391Code(String expected, String text) {
        assertThat(LanguageDetector.detect(text, null)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"Acme Q3,en", "OK,"})
    void aTextTooShortToTellKeepsTheDeclaredLanguage(String text, String declared) {
        assertThat(LanguageDetector.detect(text, declared)).isEqualTo(declared);
    }
}
