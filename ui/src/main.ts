// Entry point: styles, then the app mounted into #app.
import "./app.css";
import { mount } from "svelte";
import App from "./App.svelte";

const target = document.getElementById("app");
if (!target) throw new Error("index.html lacks the #app element");

export default mount(App, { target });
