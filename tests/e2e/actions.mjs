// What a person does in the window, shared by the tests: press a button, go to a screen.

/** Clicks the element, first scrolled to the middle of the window: WebKitWebDriver's own scrolling
 * can leave a button at the very bottom edge, where its click is lost. */
export async function press(driver, css, ms) {
  const el = await driver.waitForElement(css, ms);
  await driver.execute("arguments[0].scrollIntoView({ block: 'center' });", [el]);
  await el.click();
}

/** Opens a screen from the main navigation: "directory", "partnerships", "import"... */
export async function go(driver, nav) {
  await (await driver.find(`#nav-${nav}`)).click();
}
