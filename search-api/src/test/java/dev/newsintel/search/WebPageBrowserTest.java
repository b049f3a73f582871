package dev.newsintel.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import dev.newsintel.embedded.testing.TestStack;
import dev.newsintel.embedded.testing.WithStack;
import dev.newsintel.events.Alert;

/**
 * The web page at {@code /} in a real headless browser (Debian's chromium and chromium-driver): searching, facets,
 * escaped highlights and an alert arriving live. Skipped, with the install command, where chromium is missing.
 */
@WithStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPageBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getProperty("newsintel.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("newsintel.chromedriver", "/usr/bin/chromedriver"));

    private SearchServer server;
    private Fixtures fixtures;
    private Fixtures.Corpus corpus;
    private WebDriver browser;
    private Path profile;

    @BeforeAll
    void start(TestStack stack) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "No headless browser: install Debian's chromium with 'apt-get install -y chromium chromium-driver' "
                        + "to run the web page test");
        String marker = stack.unique("waxwing");
        fixtures = new Fixtures(stack.kafkaBootstrapServers(), marker);
        corpus = fixtures.corpus();
        server = SearchServer.start(new SearchServer.Settings(stack.kafkaBootstrapServers(), stack.elasticsearchUrl(),
                "127.0.0.1", 0, Indexer.Options.defaults().withGroupId(stack.unique("web-indexer")),
                SearchApi.Options.defaults()), Map.of());
        corpus.all().forEach(fixtures::publish);
        await().atMost(Duration.ofSeconds(60)).until(() -> Fixtures.json(Fixtures.get(server.port(),
                "/api/search?q=" + marker)).path("total").asInt() == 4);

        profile = Files.createTempDirectory("newsintel-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (fixtures != null) {
            fixtures.close();
        }
        if (profile != null) {
            deleteQuietly(profile.toFile());
        }
    }

    @Test
    void searchFacetsAndLiveAlertsWorkInABrowser() throws Exception {
        browser.get("http://127.0.0.1:" + server.port() + "/");
        await().atMost(Duration.ofSeconds(15)).until(() -> text("#alerts-status").equals("live"));

        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys(fixtures.marker);
        browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(15)).until(() -> "4".equals(attribute("#status", "data-total")));
        List<WebElement> results = browser.findElements(By.cssSelector("#results .result"));
        assertThat(results).hasSize(4);
        assertThat(results.stream().map(r -> r.getAttribute("data-id")).toList())
                .containsExactlyInAnyOrderElementsOf(corpus.all().stream().map(d -> d.id()).toList());
        // The document's markup is shown as text; only the matches are emphasised.
        assertThat(browser.findElements(By.cssSelector("#results script"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#results .snippet em"))).isNotEmpty();

        // Facets: companies, announcement types, sources, months; a click filters.
        assertThat(facetValues("companies")).contains(fixtures.orbital.name(), fixtures.lumen.name());
        assertThat(facetValues("types")).contains("INVESTMENT", "MODEL_RELEASE", "PARTNERSHIP");
        assertThat(facetValues("sources")).contains("techwire.example", "devchronicle.example");
        assertThat(facetValues("dates")).contains("2026-02", "2026-03");
        browser.findElement(By.cssSelector(".facet[data-facet=companies] .facet-value[data-value='"
                + fixtures.lumen.name() + "']")).click();
        await().atMost(Duration.ofSeconds(15)).until(() -> "1".equals(attribute("#status", "data-total")));
        assertThat(browser.findElement(By.cssSelector("#results .result")).getAttribute("data-id"))
                .isEqualTo(corpus.partnership().id());
        assertThat(text("#filters")).contains("company: " + fixtures.lumen.name());

        // An alert written to Kafka appears in the live panel without a reload.
        Alert alert = fixtures.alert("web-" + fixtures.marker, corpus.model().announcements().get(0),
                "story-web-" + fixtures.marker, Instant.now());
        fixtures.publish(alert);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                !browser.findElements(By.cssSelector("#alerts li[data-id='" + alert.id() + "']")).isEmpty());
        assertThat(text("#alerts")).contains(alert.title());

        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "web-page.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private List<String> facetValues(String facet) {
        return browser.findElements(By.cssSelector(".facet[data-facet=" + facet + "] .facet-value")).stream()
                .map(WebElement::getText).toList();
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText().trim();
    }

    private String attribute(String css, String name) {
        return browser.findElement(By.cssSelector(css)).getAttribute(name);
    }

    private static void deleteQuietly(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteQuietly(child);
            }
        }
        file.delete();
    }
}
