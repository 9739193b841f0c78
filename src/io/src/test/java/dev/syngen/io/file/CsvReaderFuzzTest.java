package dev.syngen.io.file;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Any bytes read as CSV end in records or an IOException, within as many records as there are line
 * breaks plus one — never another exception or a loop that does not end.
 */
class CsvReaderFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void anyBytesAreRecordsOrAnIoError(byte[] bytes) {
    int newlines = 0;
    for (byte b : bytes) {
      if (b == '\n' || b == '\r') {
        newlines++;
      }
    }
    try (CsvReader r = new CsvReader(new ByteArrayInputStream(bytes))) {
      List<String> record = new ArrayList<>();
      int records = 0;
      while (r.read(record)) {
        if (++records > newlines + 1) {
          throw new AssertionError(records + " records from " + newlines + " line breaks");
        }
      }
    } catch (IOException e) {
      // malformed input is reported as an IOException, which callers turn into a problem
    }
  }
}
