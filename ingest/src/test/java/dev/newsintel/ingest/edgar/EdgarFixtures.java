package dev.newsintel.ingest.edgar;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * EDGAR responses written by the tests in EDGAR's real formats (the latest-filings Atom feed, filing index pages,
 * submissions JSON), for invented filings.
 */
final class EdgarFixtures {
    private static final ZoneId EASTERN = ZoneId.of("America/New_York");

    /** An invented filing. */
    record Filing(String accession, String cik, String company, String form, String filed, Instant accepted,
                  List<String> items, String primary, String exhibit) {
        String folder() {
            return "/Archives/edgar/data/" + Long.parseLong(cik) + "/" + accession.replace("-", "");
        }
    }

    private EdgarFixtures() {
    }

    static String atomPage(List<Filing> filings) {
        StringBuilder atom = new StringBuilder("""
                <?xml version="1.0" encoding="ISO-8859-1" ?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                <title>Latest Filings - Fri, 06 Mar 2026 18:02:34 EST</title>
                <link rel="alternate" href="/cgi-bin/browse-edgar?action=getcurrent"/>
                <id>https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent</id>
                <updated>2026-03-06T18:02:34-05:00</updated>
                """);
        for (Filing f : filings) {
            StringBuilder summary = new StringBuilder(" &lt;b&gt;Filed:&lt;/b&gt; " + f.filed() + " &lt;b&gt;AccNo:&lt;/b&gt; "
                    + f.accession() + " &lt;b&gt;Size:&lt;/b&gt; 120 KB\n");
            for (String item : f.items()) {
                summary.append("&lt;br&gt;Item ").append(item).append(": Something Material\n");
            }
            atom.append("<entry>\n<title>").append(f.form()).append(" - ").append(f.company()).append(" (")
                    .append(f.cik()).append(") (Filer)</title>\n")
                    .append("<link rel=\"alternate\" type=\"text/html\" href=\"https://www.sec.gov").append(f.folder())
                    .append("/").append(f.accession()).append("-index.htm\"/>\n")
                    .append("<summary type=\"html\">\n").append(summary).append("</summary>\n")
                    .append("<updated>").append(f.accepted().atZone(EASTERN).toOffsetDateTime()).append("</updated>\n")
                    .append("<category scheme=\"https://www.sec.gov/\" label=\"form type\" term=\"").append(f.form())
                    .append("\"/>\n<id>urn:tag:sec.gov,2008:accession-number=").append(f.accession())
                    .append("</id>\n</entry>\n");
        }
        return atom.append("</feed>\n").toString();
    }

    static String indexPage(Filing f) {
        String accepted = f.accepted().atZone(EASTERN).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        StringBuilder items = new StringBuilder();
        for (String item : f.items()) {
            items.append("Item ").append(item).append(": Something Material<br />");
        }
        String exhibitRow = f.exhibit() == null ? "" : """
                <tr><td scope="row">2</td><td scope="row">PRESS RELEASE</td>
                <td scope="row"><a href="%s/%s">%s</a></td><td scope="row">EX-99.1</td><td scope="row">23000</td></tr>
                """.formatted(f.folder(), f.exhibit(), f.exhibit());
        return """
                <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
                <title>EDGAR Filing Documents for %1$s</title></head><body>
                <div id="formDiv"><div id="formHeader"><div id="formName"><strong>Form %2$s</strong> - Current report:</div>
                <div id="secNum"><strong>SEC Accession No.</strong> %1$s</div></div>
                <div class="formContent">
                <div class="formGrouping"><div class="infoHead">Filing Date</div><div class="info">%3$s</div>
                <div class="infoHead">Accepted</div><div class="info">%4$s</div></div>
                <div class="formGrouping"><div class="infoHead">Items</div><div class="info">%5$s</div></div>
                </div>
                <table class="tableFile" summary="Document Format Files">
                <tr><th scope="col">Seq</th><th scope="col">Description</th><th scope="col">Document</th><th scope="col">Type</th><th scope="col">Size</th></tr>
                <tr><td scope="row">1</td><td scope="row">%2$s</td>
                <td scope="row"><a href="/ix?doc=%6$s/%7$s">%7$s</a> <span>iXBRL</span></td><td scope="row">%2$s</td><td scope="row">40091</td></tr>
                %8$s
                <tr><td scope="row">3</td><td scope="row"></td><td scope="row"><a href="%6$s/image.jpg">image.jpg</a></td><td scope="row">GRAPHIC</td><td scope="row">23478</td></tr>
                </table></div>
                <div class="companyInfo"><span class="companyName">%9$s (Filer)
                 <acronym title="Central Index Key">CIK</acronym>: <a href="/cgi-bin/browse-edgar?CIK=%10$s&amp;action=getcompany">%10$s (see all company filings)</a></span></div>
                </body></html>
                """.formatted(f.accession(), f.form(), f.filed(), accepted, items, f.folder(), f.primary(), exhibitRow,
                f.company().replace("&", "&amp;"), f.cik());
    }

    /** Stubs the index page and the documents of a filing. */
    static void serve(WireMockExtension server, Filing f) {
        server.stubFor(get(urlEqualTo(f.folder() + "/" + f.accession() + "-index.htm"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(indexPage(f))));
        server.stubFor(get(urlEqualTo(f.folder() + "/" + f.primary())).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body><p>" + f.company() + " " + f.form()
                        + " primary document " + f.accession() + "</p></body></html>")));
        if (f.exhibit() != null) {
            server.stubFor(get(urlEqualTo(f.folder() + "/" + f.exhibit())).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "text/html").withBody("<html><body><p>" + f.company()
                            + " announces results</p></body></html>")));
        }
    }
}
