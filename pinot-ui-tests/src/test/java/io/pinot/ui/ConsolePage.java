// SPDX-License-Identifier: Apache-2.0
package io.pinot.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/// The Query Console as a test sees it: type into the editor, run, read the result table and the stats.
final class ConsolePage {
  private final Browser browser;
  private final String controllerUrl;

  ConsolePage(Browser browser, String controllerUrl) {
    this.browser = browser;
    this.controllerUrl = controllerUrl;
  }

  /// Loads the console afresh (a full page load) and waits for the editor and the table list.
  ConsolePage open() {
    browser.open(controllerUrl + "/?load=" + System.nanoTime() + "#/query");
    browser.find(".CodeMirror");
    browser.find("#table-list a.table-entry");
    return this;
  }

  String editorText() {
    return Objects.toString(browser.js("return document.querySelector('.CodeMirror').CodeMirror.getValue();"));
  }

  /// Replaces the editor's text by typing `sql` with the keyboard, as a user does.
  void type(String sql) {
    browser.find(".CodeMirror").click();
    new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL)
        .sendKeys(Keys.DELETE).sendKeys(sql).perform();
    browser.await("the editor to hold the typed query", () -> editorText().equals(sql));
    closeHints();
  }

  void closeHints() {
    if (browser.present(".CodeMirror-hints")) {
      new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
    }
  }

  /// Runs the editor's query with Ctrl+Enter and waits for its answer.
  void runWithKeyboard() {
    String before = resultStamp();
    new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
    awaitAnswer(before);
  }

  void runWithButton() {
    String before = resultStamp();
    browser.find("#run-query").click();
    awaitAnswer(before);
  }

  /// Clears the previous answer so that waiting sees only the new one.
  private String resultStamp() {
    browser.js("document.getElementById('query-results').replaceChildren();");
    return "";
  }

  private void awaitAnswer(String before) {
    browser.await("the query's answer", () -> Boolean.TRUE.equals(browser.js(
        "const r = document.getElementById('query-results');"
        + "return r.querySelector('#query-stats, #query-error') !== null && r.querySelector('.loading') === null"
        + " && !document.getElementById('run-query').disabled;")));
  }

  List<String> columnNames() {
    List<String> names = new ArrayList<>();
    for (WebElement th : browser.findAll("#result-table thead th")) {
      names.add(th.getText());
    }
    return names;
  }

  List<List<String>> rows() {
    @SuppressWarnings("unchecked")
    List<List<String>> rows = (List<List<String>>) browser.js("return Array.from(document.querySelectorAll("
        + "'#result-table tbody tr')).map(tr => Array.from(tr.children).map(td => td.textContent));");
    return rows;
  }

  String stat(String name) {
    return browser.find("#query-stats td[data-stat='" + name + "']").getText();
  }
}
