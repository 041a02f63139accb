package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.app.SyncApp;
import io.jackyunsync.cli.CommandLine;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.support.AppOverrides;
import io.jackyunsync.support.ConsoleHttp;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Hawtio console of {@code --console}, driven in a real headless Chromium through Debian's chromedriver: the
 * Camel tree lists the sync routes and their table shows the exchanges of the runs, the route diagram draws their nodes
 * with their counters; the war's Jolokia endpoint answers with the same figures to a POST from its own origin. The
 * screenshot (of the routes table) is kept as target/hawtio-screenshot.png.
 */
class HawtioConsoleIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void should_show_the_sync_routes_with_their_statistics_in_hawtio() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        int port = Simulators.freePort();
        TestDatabase db = TestDatabase.create();
        try (JackyunSimulator simulator = Simulators.start(8, 400, "")) {
            Map<String, String> settings = new HashMap<>(AppOverrides.of(db, simulator));
            settings.put("console.hawtio.enabled", "true");
            settings.put("console.hawtio.port", Integer.toString(port));
            try (SyncApp app = SyncApp.start(settings)) {
                app.run("warehouse");
                app.run("warehouse");
                String base = "http://127.0.0.1:" + port + "/hawtio/";

                JsonNode completed = new ConsoleHttp(port).jolokia(Map.of("type", "read",
                        "mbean", "org.apache.camel:context=jackyun-sync,type=routes,name=\"sync-run\"", "attribute", "ExchangesCompleted"));
                assertThat(completed.path("status").asInt()).isEqualTo(200);
                assertThat(completed.path("value").asLong()).isEqualTo(2);

                ChromeDriver browser = chrome();
                try {
                    browser.get(base + "camel");
                    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
                    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[text()='routes']"))).click();
                    // the routes table: name, state and the exchange counters Camel's MBeans report
                    By syncRun = By.xpath("//table//tr[td[normalize-space()='sync-run']]");
                    wait.until(ExpectedConditions.presenceOfElementLocated(syncRun));
                    List<String> headers = browser.findElements(By.xpath("//table//th")).stream().map(e -> e.getText().trim()).toList();
                    int completedColumn = headers.indexOf("Completed");
                    assertThat(completedColumn).as("a Completed column in %s", headers).isPositive();
                    wait.until(d -> cells(d.findElement(syncRun)).get(completedColumn).equals("2"));
                    List<String> row = cells(browser.findElement(syncRun));
                    String table = browser.findElement(By.xpath("//table[.//td[normalize-space()='sync-run']]")).getText();
                    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
                    Files.copy(shot, Path.of("target", "hawtio-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);

                    assertThat(row.get(headers.indexOf("Name"))).isEqualTo("sync-run");
                    assertThat(row.get(headers.indexOf("State"))).isEqualTo("Started");
                    assertThat(row.get(headers.indexOf("Failed"))).isEqualTo("0");
                    assertThat(table).contains("sync-fetch-page", "sync-upsert", "sync-dead-letter");
                    assertThat(browser.getPageSource()).doesNotContain(Simulators.SECRET);

                    // the diagram of the routes (dumpRoutesAsXml) with each node's exchange counter (dumpRoutesStatsAsXml),
                    // both let through by the console's Jolokia policy
                    browser.findElement(By.xpath("//a[@href='/hawtio/camel/routeDiagram']")).click();
                    By nodes = By.cssSelector(".react-flow__node-camel");
                    wait.until(d -> d.findElements(nodes).size() > 20);
                    // (textContent: most nodes lie outside the drawn part of the diagram)
                    wait.until(d -> d.findElements(By.cssSelector(".react-flow__node-camel .number")).stream()
                            .map(e -> e.getDomProperty("textContent").trim()).anyMatch(n -> n.matches("[1-9][0-9]*")));
                    assertThat(browser.findElements(nodes).stream().map(e -> e.getDomProperty("textContent")).toList())
                            .anyMatch(label -> label.contains("From direct:sync-"));
                } finally {
                    browser.quit();
                }
            }
        }
    }

    @Test
    void should_refuse_a_missing_war_and_console_outside_the_service() throws Exception {
        TestDatabase db = TestDatabase.create();
        try (JackyunSimulator simulator = Simulators.start(8, 10, "")) {
            Map<String, String> settings = new HashMap<>(AppOverrides.of(db, simulator));
            settings.put("console.hawtio.enabled", "true");
            settings.put("console.hawtio.war", "target/no-such/hawtio.war");
            assertThatThrownBy(() -> SyncApp.start(settings).close())
                    .satisfies(e -> assertThat(Application.configProblem(e)).isNotNull()
                            .hasMessageContaining("console.hawtio.war (environment CONSOLE_HAWTIO_WAR) names no file"));
        }
        assertThat(Application.run(new String[]{"--console", "--once"}, cli -> 0)).isEqualTo(2);
        assertThat(CommandLine.parse(new String[]{"--console"}).console()).isTrue();
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.xpath("./td")).stream().map(e -> e.getText().trim()).toList();
    }

    private static ChromeDriver chrome() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,900", "--disable-background-networking", "--disable-component-update");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
