/**
 * discord.js is loaded before any suite runs in a test worker. With
 * `isolate: false` suites share a worker's modules, and a suite that draws a
 * chart loads Vega; if discord.js is loaded after Vega, its dependency
 * @vladfrangu/async_event_emitter throws at load ("string \"Set()\" is not
 * iterable"). The bot process always loads discord.js first, as here.
 */
import 'discord.js';
