package dev.truce.output.listing;


import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chinese titles are normal in this domain: columns must line up on a terminal, which counts display width. */
class TextTableTest {
    @Test
    void wideCharactersCountTwoColumnsAndCombiningMarksNone() {
        assertEquals(4, TextTable.width("商务部"
                .substring(0, 2)));
        assertEquals(2, TextTable.width("🇨🇳".substring(0, 2)));
        assertEquals(1, TextTable.width("e\u0301"), "e and a combining acute accent: one column");
        assertEquals(5, TextTable.width("truce"));
    }

    @Test
    void columnsAfterChineseTextLineUp() {
        TextTable table = new TextTable(List.of("CLAIMANT", "STANCE"));
        table.add(List.of(TextTable.Cell.plain("商务部"), TextTable.Cell.plain("complies")));
        table.add(List.of(TextTable.Cell.plain("USTR"), TextTable.Cell.plain("breaches")));
        StringWriter out = new StringWriter();
        table.print(new PrintWriter(out));
        List<String> lines = out.toString().lines().toList();
        assertEquals("CLAIMANT  STANCE", lines.get(0));
        assertEquals("商务部    complies", lines.get(1), "6 columns of text, then 4 spaces: STANCE starts at column 10");
        assertEquals("USTR      breaches", lines.get(2));
        for (String line : lines) {
            int column = TextTable.width(line.substring(0, line.lastIndexOf(' ') + 1));
            assertEquals(10, column, line);
        }
    }
}
