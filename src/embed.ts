/** Entry of embed.html: the minimal embeddable view (src/ui/export/Embed.svelte). */
import { mount } from 'svelte';
import './ui/base.css';
import Embed from './ui/export/Embed.svelte';

mount(Embed, { target: document.getElementById('embed')! });
